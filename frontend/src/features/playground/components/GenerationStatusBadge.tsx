import { Badge } from "@mantine/core";
import type { ReactNode } from "react";
import type { Generation } from "../api/generations";

// Shades dark enough that the badge's white text passes WCAG AA (axe checks it).
const COLOR: Record<Generation["status"], string> = {
  queued: "gray.7",
  running: "blue.8",
  done: "teal.9",
  failed: "red.9",
};

/** A generation's status (its translated name as `children`, so that a <Trans> sentence can
 * hold it) as a coloured badge; a live region, so the end of a run is announced. */
export function GenerationStatusBadge({ status, children }: { status: Generation["status"]; children?: ReactNode }) {
  return (
    <Badge component="span" color={COLOR[status]} role="status">
      {children}
    </Badge>
  );
}
