import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createMemoryRouter, RouterProvider } from "react-router";
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
  // A data router, as in main.tsx: useBlocker needs one.
  const router = createMemoryRouter([{ path: "*", element: <AppRoutes /> }], {
    initialEntries: [route],
  });
  const result = render(
    <Providers queryClient={queryClient} events={events}>
      <RouterProvider router={router} />
    </Providers>,
  );
  return { ...result, user, queryClient, events, router };
}
