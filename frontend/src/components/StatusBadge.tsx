import { Badge } from "@mantine/core";
import type { ReactNode } from "react";

/** What a status means to the person reading it, whatever it is the status of. */
export type StatusTone = "idle" | "active" | "waiting" | "good" | "bad" | "stopped";

// Plain Mantine colours: app/theme.ts darkens each one's filled shade until white text on it
// passes WCAG AA, so no badge picks its own darker shade.
const TONE_COLOUR: Record<StatusTone, string> = {
  idle: "gray",
  active: "blue",
  waiting: "cyan",
  good: "teal",
  bad: "red",
  stopped: "orange",
};

/** A status (a run's, a study's, a delivery's...) as a badge coloured by its tone, with its
 * translated name as `children` (so that a <Trans> sentence can hold it). `live` makes it a
 * status region, so that a change (the end of a run) is announced. */
export function StatusBadge({ tone, live = false, children }: { tone: StatusTone; live?: boolean; children?: ReactNode }) {
  return (
    <Badge component="span" color={TONE_COLOUR[tone]} role={live ? "status" : undefined}>
      {children}
    </Badge>
  );
}
