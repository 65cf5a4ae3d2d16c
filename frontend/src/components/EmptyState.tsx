import { Text } from "@mantine/core";
import type { ReactNode } from "react";

/** What a list, table or chart shows while it has nothing in it yet: one sentence saying what
 * will appear there and, where there is one, what brings it. */
export function EmptyState({ children }: { children: ReactNode }) {
  return (
    <Text c="dimmed" fs="italic" role="status">
      {children}
    </Text>
  );
}
