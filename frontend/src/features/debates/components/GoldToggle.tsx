import { Checkbox, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { useDebateGold } from "../hooks/useGold";

/** A checkbox that marks a debate gold; judgements already given stay. */
export function GoldToggle({ debate, gold }: { debate: number; gold: boolean }) {
  const { t } = useTranslation("debates");
  const change = useDebateGold();
  return (
    <Stack gap={4}>
      <Checkbox
        label={t("gold.label")}
        checked={gold}
        disabled={change.isPending}
        onChange={(event) => change.mutate({ debate, gold: event.currentTarget.checked })}
      />
      <ErrorMessage error={change.error} />
    </Stack>
  );
}

/** What gold debates are, above the list where they are marked. */
export function GoldNote() {
  const { t } = useTranslation("debates");
  return (
    <Stack gap={4}>
      <Text size="sm" c="dimmed">
        {t("gold.explain")}
      </Text>
      <Text size="sm" c="dimmed">
        {t("gold.noVotes")}
      </Text>
    </Stack>
  );
}
