import type { ReactNode } from "react";
import { StatusBadge, type StatusTone } from "../../../components/StatusBadge";
import type { Generation } from "../api/generations";

const TONE: Record<Generation["status"], StatusTone> = {
  queued: "idle",
  running: "active",
  done: "good",
  failed: "bad",
};

/** A generation's status (its translated name as `children`, so that a <Trans> sentence can
 * hold it), announced when it changes. */
export function GenerationStatusBadge({ status, children }: { status: Generation["status"]; children?: ReactNode }) {
  return (
    <StatusBadge tone={TONE[status]} live>
      {children}
    </StatusBadge>
  );
}
