import { Button, Group, Stack, TextInput, Title } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { useSkip } from "../hooks/useDebates";

export function SkipForm({ assignmentId }: { assignmentId: number }) {
  const [reason, setReason] = useState("");
  const skip = useSkip(assignmentId);
  const { t } = useTranslation("debates");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    skip.mutate(reason);
  };
  return (
    <Stack component="form" onSubmit={submit} aria-labelledby="skip-heading" gap="sm">
      <Title order={2} id="skip-heading">
        {t("skip.title")}
      </Title>
      <TextInput id="skip-reason" label={t("skip.reason")} value={reason} onChange={(event) => setReason(event.currentTarget.value)} />
      <Group>
        <Button type="submit" variant="default" disabled={skip.isPending}>
          {t("skip.submit")}
        </Button>
      </Group>
      <ErrorMessage error={skip.error} />
    </Stack>
  );
}
