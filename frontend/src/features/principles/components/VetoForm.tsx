import { Button, Group, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../../lib/api/errors";
import { useVeto } from "../hooks/usePrinciples";

/** A researcher vetoes a proposal, with the reason the participants will read. */
export function VetoForm({ proposal }: { proposal: number }) {
  const veto = useVeto();
  const { t } = useTranslation("principles");
  const [reason, setReason] = useState("");
  const errors = veto.error instanceof ApiError ? veto.error : null;
  return (
    <Group
      component="form"
      align="flex-end"
      gap="xs"
      onSubmit={(event) => {
        event.preventDefault();
        veto.mutate({ proposal, reason });
      }}
    >
      <TextInput
        id={`veto-${proposal}`}
        label={t("veto.reason")}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={errors?.fieldErrors("reason").join(" ") || undefined}
        flex={1}
        miw="12rem"
      />
      <Button type="submit" color="red" disabled={veto.isPending}>
        {t("veto.submit")}
      </Button>
    </Group>
  );
}
