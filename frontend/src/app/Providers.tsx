import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { EventsProvider, type EventsClient } from "../lib/events";

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
    <QueryClientProvider client={queryClient}>
      <EventsProvider client={events}>{children}</EventsProvider>
    </QueryClientProvider>
  );
}
