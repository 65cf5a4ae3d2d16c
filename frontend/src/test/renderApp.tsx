import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter } from "react-router";
import { Providers } from "../app/Providers";
import { AppRoutes } from "../app/routes";
import { EventsClient } from "../lib/events";
import { createQueryClient } from "../lib/queryClient";
import { FakeWebSocket } from "./fakeWebSocket";

/** Renders the whole app at route with the real providers, router and API client. */
export function renderApp(route = "/") {
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { retry: false, refetchOnWindowFocus: false } });
  const events = new EventsClient({ url: "ws://test/ws/events/", WebSocket: FakeWebSocket });
  const user = userEvent.setup();
  const result = render(
    <Providers queryClient={queryClient} events={events}>
      <MemoryRouter initialEntries={[route]}>
        <AppRoutes />
      </MemoryRouter>
    </Providers>,
  );
  return { ...result, user, queryClient, events };
}
