import { Badge } from "@mantine/core";
import type { ReactNode } from "react";

// Shades dark enough that the badge's white text passes WCAG AA (axe checks it).
const COLOR = { good: "teal.9", bad: "red.9", neutral: "gray.7" } as const;

export type Tone = keyof typeof COLOR;

/** A state (an endpoint's, a delivery's) as a coloured badge. */
export function StateBadge({ tone, children }: { tone: Tone; children: ReactNode }) {
  return <Badge color={COLOR[tone]}>{children}</Badge>;
}
