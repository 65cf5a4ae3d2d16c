import { Group, Loader, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** A spinner with its words: role="status" announces them, the spinner itself is decoration. */
export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <Group role="status" gap="xs">
      <Loader size="sm" aria-hidden />
      <Text c="dimmed">{label ?? t("loading")}</Text>
    </Group>
  );
}
