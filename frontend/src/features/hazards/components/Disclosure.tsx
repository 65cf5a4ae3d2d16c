import { Box, Paper, Text } from "@mantine/core";
import type { ReactNode } from "react";

/** A section folded away until opened: a native <details>, so its summary is a real disclosure
 * control for keyboards and screen readers, in a bordered panel. */
export function Disclosure({ summary, children }: { summary: ReactNode; children: ReactNode }) {
  return (
    <Paper component="details" withBorder p="sm">
      <Text component="summary" fw={600} style={{ cursor: "pointer" }}>
        {summary}
      </Text>
      <Box pt="sm">{children}</Box>
    </Paper>
  );
}
