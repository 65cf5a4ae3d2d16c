import { useTranslation } from "react-i18next";
import { StatusBadge, type StatusTone } from "../../../components/StatusBadge";
import type { Run, Version } from "../api/loop";

const RUN_TONE: Record<Run["status"], StatusTone> = {
  waiting: "waiting",
  queued: "idle",
  running: "active",
  evaluating: "active",
  done: "good",
  failed: "bad",
  cancelled: "stopped",
};

const VERSION_TONE: Record<Version["status"], StatusTone> = {
  draft: "idle",
  evaluating: "active",
  published: "good",
  retired: "stopped",
};

export function RunStatusBadge({ status }: { status: Run["status"] }) {
  const { t } = useTranslation("training");
  return <StatusBadge tone={RUN_TONE[status]}>{t(`runStatus.${status}`)}</StatusBadge>;
}

export function VersionStatusBadge({ status }: { status: Version["status"] }) {
  const { t } = useTranslation("training");
  return <StatusBadge tone={VERSION_TONE[status]}>{t(`versionStatus.${status}`)}</StatusBadge>;
}
