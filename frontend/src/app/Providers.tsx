import { MantineProvider } from "@mantine/core";
import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { cspNonce } from "../lib/cspNonce";
import { EventsProvider, type EventsClient } from "../lib/events";
import { cssVariablesResolver, theme } from "./theme";

export function Providers({
  queryClient,
  events,
  children,
}: {
  queryClient: QueryClient;
  events: EventsClient;
  children: ReactNode;
}) {
  return (
    <MantineProvider
      theme={theme}
      cssVariablesResolver={cssVariablesResolver}
      defaultColorScheme="light"
      getStyleNonce={cspNonce}
    >
      <QueryClientProvider client={queryClient}>
        <EventsProvider client={events}>{children}</EventsProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}
