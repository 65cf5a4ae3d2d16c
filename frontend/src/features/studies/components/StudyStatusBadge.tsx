import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Study } from "../api/studies";

// Shades dark enough that the badge's white text passes WCAG AA (axe checks it).
const COLOR: Record<Study["status"], string> = {
  queued: "gray.7",
  running: "blue.8",
  waiting: "cyan.9",
  done: "teal.9",
  failed: "red.9",
  cancelled: "gray.7",
};

/** A study's status as a coloured badge. */
export function StudyStatusBadge({ status }: { status: Study["status"] }) {
  const { t } = useTranslation("studies");
  return <Badge color={COLOR[status]}>{t(`status.${status}`)}</Badge>;
}
