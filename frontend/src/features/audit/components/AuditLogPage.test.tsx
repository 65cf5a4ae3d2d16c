import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { formatDateTime } from "../../../lib/format";
import { stubApi, users } from "../../../test/http";
import { renderApp } from "../../../test/renderApp";

const entry = (fields: Record<string, unknown> = {}) => ({
  id: 1,
  at: "2026-03-01T10:00:00Z",
  actor: "ada",
  action: "version.publish",
  action_label: "Version published (gates passed)",
  object_type: "modelversion",
  object_id: "20",
  summary: "debater v2: Published (gates passed) (replacing v1)",
  details: {},
  ...fields,
});

describe("audit log", () => {
  it("lists entries and filters them by action, person and dates", async () => {
    const http = stubApi({
      "GET /api/auth/me/": { body: users.researcher },
      "GET /api/audit/": (request) =>
        request.query.get("action") === "proposal.veto"
          ? { body: { count: 0, next: null, previous: null, results: [] } }
          : { body: { count: 1, next: null, previous: null, results: [entry()] } },
    });
    const { user } = renderApp("/audit");

    const table = await screen.findByRole("table");
    expect(within(table).getByText("debater v2: Published (gates passed) (replacing v1)")).toBeInTheDocument();
    expect(within(table).getByText(formatDateTime("2026-03-01T10:00:00Z"))).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText("Action"), "proposal.veto");
    await user.type(screen.getByLabelText("Person (username)"), "rosa");
    await user.type(screen.getByLabelText("From"), "2026-02-01");
    await user.type(screen.getByLabelText("To (inclusive)"), "2026-02-28");
    await user.click(screen.getByRole("button", { name: "Filter" }));

    expect(await screen.findByText("No audit entries match these filters.")).toBeInTheDocument();
    const last = http.calls("GET /api/audit/").at(-1);
    expect(Object.fromEntries(last?.query ?? [])).toEqual({
      action: "proposal.veto",
      actor: "rosa",
      since: "2026-02-01",
      until: "2026-02-28",
      page: "1",
    });
  });

  it("reads its filters from the address, so a filtered view can be shared", async () => {
    const http = stubApi({
      "GET /api/auth/me/": { body: users.admin },
      "GET /api/audit/": { body: { count: 1, next: null, previous: null, results: [entry({ actor: null })] } },
    });
    renderApp("/audit?action=role.change");

    expect(await screen.findByText("the platform")).toBeInTheDocument();
    expect(http.calls("GET /api/audit/")[0]?.query.get("action")).toBe("role.change");
    expect(screen.getByLabelText("Action")).toHaveValue("role.change");
  });

  it("is not offered to raters", async () => {
    stubApi({ "GET /api/auth/me/": { body: users.rater }, "GET /api/work/": { body: { results: [] } } });
    renderApp("/audit");
    expect(await screen.findByRole("heading", { name: "Not available" })).toBeInTheDocument();
  });
});
