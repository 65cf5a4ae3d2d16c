import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { stubApi, users, type RecordedRequest } from "../../../test/http";
import { renderApp } from "../../../test/renderApp";

const EVENT_TYPES = [
  { value: "run.finished", description: "A training run finished (done, failed or cancelled)" },
  { value: "version.published", description: "A model version was published" },
];

const endpoint = (fields: Record<string, unknown> = {}) => ({
  id: 7,
  url: "https://lab.example.org/hook",
  description: "Lab dashboard",
  event_types: ["run.finished"],
  active: true,
  created_by: "rosa",
  created_at: "2026-03-01T10:00:00Z",
  ...fields,
});

const page = (results: unknown[]) => ({ count: results.length, next: null, previous: null, results });

const delivery = {
  id: 31,
  event_id: "7f1c2d9e-3b8a-4c55-9d1e-2a4b6c8d0e1f",
  event_type: "webhook.test",
  status: "failed",
  attempts: 2,
  next_attempt_at: null,
  created_at: "2026-03-01T10:05:00Z",
  finished_at: "2026-03-01T10:06:00Z",
  attempt_log: [
    {
      number: 1,
      status_code: 500,
      error: "The endpoint answered 500.",
      duration_ms: 41,
      response_body: "boom",
      created_at: "2026-03-01T10:05:00Z",
    },
    {
      number: 2,
      status_code: null,
      error: "ConnectError: refused",
      duration_ms: 3,
      response_body: "",
      created_at: "2026-03-01T10:06:00Z",
    },
  ],
};

describe("webhooks page", () => {
  it("registers an endpoint for the checked events and shows its secret once", async () => {
    let registered: unknown[] = [];
    const http = stubApi({
      "GET /api/auth/me/": { body: users.researcher },
      "GET /api/webhooks/event-types/": { body: EVENT_TYPES },
      "GET /api/webhooks/endpoints/": () => ({ body: page(registered) }),
      "POST /api/webhooks/endpoints/": (request: RecordedRequest) => {
        registered = [endpoint({ event_types: ["version.published"] })];
        return { status: 201, body: { ...endpoint(request.body as Record<string, unknown>), secret: "whsec_only-once" } };
      },
    });
    const { user } = renderApp("/webhooks");

    expect(await screen.findByText("No endpoint is registered yet.")).toBeInTheDocument();
    const form = screen.getByRole("form", { name: "Add an endpoint" });
    const add = within(form).getByRole("button", { name: "Add endpoint" });
    expect(add).toBeDisabled(); // no event chosen yet
    await user.type(within(form).getByLabelText("URL (https)"), "https://lab.example.org/hook");
    await user.type(within(form).getByLabelText("Description"), "Lab dashboard");
    await user.click(await within(form).findByRole("checkbox", { name: /version\.published/ }));
    await user.click(add);

    const notice = await screen.findByRole("status", { name: "Signing secret" });
    expect(within(notice).getByText("whsec_only-once")).toBeInTheDocument();
    expect(http.calls("POST /api/webhooks/endpoints/")[0]?.body).toEqual({
      url: "https://lab.example.org/hook",
      description: "Lab dashboard",
      event_types: ["version.published"],
    });
    expect(await screen.findByRole("table")).toHaveTextContent("version.published");

    await user.click(within(notice).getByRole("button", { name: "I have stored it" }));
    expect(screen.queryByText("whsec_only-once")).not.toBeInTheDocument();
  });

  it("shows a refused URL next to its field", async () => {
    stubApi({
      "GET /api/auth/me/": { body: users.admin },
      "GET /api/webhooks/event-types/": { body: EVENT_TYPES },
      "GET /api/webhooks/endpoints/": { body: page([]) },
      "POST /api/webhooks/endpoints/": {
        status: 400,
        body: {
          detail: "Invalid input.",
          code: "invalid",
          fields: { url: ["127.0.0.1 is a loopback address; webhooks are delivered to public addresses only."] },
        },
      },
    });
    const { user } = renderApp("/webhooks");

    const form = await screen.findByRole("form", { name: "Add an endpoint" });
    await user.type(within(form).getByLabelText("URL (https)"), "https://127.0.0.1/hook");
    await user.click(await within(form).findByRole("checkbox", { name: /run\.finished/ }));
    await user.click(within(form).getByRole("button", { name: "Add endpoint" }));

    expect(await screen.findByText(/is a loopback address/)).toBeInTheDocument();
  });

  it("disables, tests, shows the delivery log of and deletes an endpoint", async () => {
    let current: Record<string, unknown>[] = [endpoint()];
    const http = stubApi({
      "GET /api/auth/me/": { body: users.researcher },
      "GET /api/webhooks/event-types/": { body: EVENT_TYPES },
      "GET /api/webhooks/endpoints/": () => ({ body: page(current) }),
      "PATCH /api/webhooks/endpoints/7/": (request: RecordedRequest) => {
        current = [endpoint(request.body as Record<string, unknown>)];
        return { body: current[0] };
      },
      "POST /api/webhooks/endpoints/7/test/": { status: 202, body: { ...delivery, status: "pending" } },
      "GET /api/webhooks/endpoints/7/deliveries/": { body: page([delivery]) },
      "DELETE /api/webhooks/endpoints/7/": () => {
        current = [];
        return { status: 204 };
      },
    });
    const { user } = renderApp("/webhooks");

    const row = (await screen.findByText("https://lab.example.org/hook")).closest("tr");
    if (!row) throw new Error("no row for the endpoint");
    await user.click(within(row).getByRole("button", { name: "Disable" }));
    expect(await within(row).findByText("Disabled")).toBeInTheDocument();
    expect(http.calls("PATCH /api/webhooks/endpoints/7/")[0]?.body).toEqual({ active: false });

    await user.click(within(row).getByRole("button", { name: "Send test event" }));
    const log = await screen.findByRole("region", { name: "Delivery log of https://lab.example.org/hook" });
    expect(http.calls("POST /api/webhooks/endpoints/7/test/")).toHaveLength(1);
    expect(await within(log).findByText("webhook.test")).toBeInTheDocument();
    expect(within(log).getByText("Failed")).toBeInTheDocument();
    expect(within(log).getByText("No answer: ConnectError: refused")).toBeInTheDocument();
    expect(within(log).getByText("boom")).toBeInTheDocument();

    await user.click(within(row).getByRole("button", { name: "Delete" }));
    await user.click(within(row).getByRole("button", { name: "Delete for good" }));
    expect(await screen.findByText("No endpoint is registered yet.")).toBeInTheDocument();
    expect(http.calls("DELETE /api/webhooks/endpoints/7/")).toHaveLength(1);
  });

  it("is not offered to raters", async () => {
    stubApi({ "GET /api/auth/me/": { body: users.rater }, "GET /api/work/": { body: { results: [] } } });
    renderApp("/webhooks");
    expect(await screen.findByRole("heading", { name: "Not available" })).toBeInTheDocument();
  });
});
