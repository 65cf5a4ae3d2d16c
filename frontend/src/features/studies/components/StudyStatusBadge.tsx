import { useTranslation } from "react-i18next";
import { StatusBadge, type StatusTone } from "../../../components/StatusBadge";
import type { Study } from "../api/studies";

const TONE: Record<Study["status"], StatusTone> = {
  queued: "idle",
  running: "active",
  waiting: "waiting",
  done: "good",
  failed: "bad",
  cancelled: "stopped",
};

/** A study's status as a coloured badge. */
export function StudyStatusBadge({ status }: { status: Study["status"] }) {
  const { t } = useTranslation("studies");
  return <StatusBadge tone={TONE[status]}>{t(`status.${status}`)}</StatusBadge>;
}
