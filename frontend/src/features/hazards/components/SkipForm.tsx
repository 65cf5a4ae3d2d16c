import { Button, Group, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { ApiError } from "../../../lib/api/errors";
import { draftDiscard } from "../../../lib/useDraft";
import { useSkipItem } from "../hooks/useHazards";
import { rewriteDraftKey } from "../hooks/useLabelForm";

/** Skipping an item with a reason; it opens with the focus in the reason (key s). */
export function SkipForm({ response, campaign }: { response: number; campaign: number }) {
  const skip = useSkipItem(campaign);
  const [reason, setReason] = useState("");
  const { t } = useTranslation("hazards");
  const errors = skip.error instanceof ApiError ? skip.error.fieldErrors("reason") : [];
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        // A skipped item is not labelled: its unsent rewrite has nowhere to go.
        skip.mutateAsync({ response, reason }).then(
          () => draftDiscard(rewriteDraftKey(response)),
          () => undefined, // a refusal shows through skip.error
        );
      }}
    >
      <Group align="flex-end" gap="sm">
        <TextInput
          label={t("label.skipReason")}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          autoFocus
          error={errors.length > 0 ? errors.join(" ") : undefined}
          style={{ flex: "1 1 16rem" }}
        />
        <Button type="submit" variant="default">
          {t("label.skipSubmit")}
        </Button>
      </Group>
      <ErrorMessage error={skip.error} />
    </form>
  );
}
