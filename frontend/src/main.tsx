import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { createBrowserRouter, RouterProvider } from "react-router";
import { Providers } from "./app/Providers";
import { AppRoutes } from "./app/routes";
import { EventsClient } from "./lib/events";
import { createQueryClient } from "./lib/queryClient";
import "./lib/i18n";
import "@mantine/core/styles.css";
import "./styles.css";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element.");

// A data router: pages with unsaved text block in-app navigation with useBlocker, which only
// works under one. The app's own <Routes> sit under its single catch-all route.
const router = createBrowserRouter([{ path: "*", element: <AppRoutes /> }]);

createRoot(root).render(
  <StrictMode>
    <Providers queryClient={createQueryClient()} events={new EventsClient()}>
      <RouterProvider router={router} />
    </Providers>
  </StrictMode>,
);
