/**
 * Marks text written by the untrained demo model (a version built from the tiny config: the API
 * says so with `untrained_model`), so nobody mistakes its random bytes for a real model's output.
 */
import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";

export function UntrainedModelBadge() {
  const { t } = useTranslation();
  // A span: the badge sits inside headings. Dark text on the light orange, because the light
  // variant's orange text is below WCAG AA contrast (axe). Mixed case: it is a sentence.
  return (
    <Badge component="span" variant="light" color="orange" c="gray.9" tt="none" ml="xs" maw="100%" title={t("untrained.explanation")}>
      {t("untrained.badge")}
    </Badge>
  );
}
