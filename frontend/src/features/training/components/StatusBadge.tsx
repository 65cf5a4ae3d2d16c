import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Run, Version } from "../api/loop";

// The "dot" variant keeps the label in the body text colour (contrast passes on every status)
// and carries the status colour in the dot only.
const RUN_COLOURS: Record<Run["status"], string> = {
  waiting: "gray",
  queued: "gray",
  running: "blue",
  evaluating: "blue",
  done: "green",
  failed: "red",
  cancelled: "orange",
};

const VERSION_COLOURS: Record<Version["status"], string> = {
  draft: "gray",
  evaluating: "blue",
  published: "green",
  retired: "orange",
};

export function RunStatusBadge({ status }: { status: Run["status"] }) {
  const { t } = useTranslation("training");
  return (
    <Badge component="span" variant="dot" color={RUN_COLOURS[status]} tt="none">
      {t(`runStatus.${status}`)}
    </Badge>
  );
}

export function VersionStatusBadge({ status }: { status: Version["status"] }) {
  const { t } = useTranslation("training");
  return (
    <Badge component="span" variant="dot" color={VERSION_COLOURS[status]} tt="none">
      {t(`versionStatus.${status}`)}
    </Badge>
  );
}
