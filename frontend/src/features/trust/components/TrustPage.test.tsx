import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { formatPercent } from "../../../lib/format";
import { stubApi, users } from "../../../test/http";
import { renderApp } from "../../../test/renderApp";

const row = (fields: Record<string, unknown> = {}) => ({
  user: 7,
  username: "rita",
  activity: "hazards",
  score: 0.25,
  gold_accuracy: 0.5,
  gold_items: 4,
  agreement: null,
  agreement_items: 0,
  fast_share: 0.5,
  timed_submissions: 6,
  fast_submissions: 3,
  computed_at: "2026-03-01T10:00:00Z",
  ...fields,
});

const page = (results: unknown[]) => ({ body: { count: results.length, next: null, previous: null, results } });

describe("rater trust", () => {
  it("lists each rater's score with its components and filters by activity", async () => {
    const http = stubApi({
      "GET /api/auth/me/": { body: users.researcher },
      "GET /api/trust/": (request) =>
        request.query.get("activity") === "debates"
          ? page([row({ username: "rosa", activity: "debates", score: 0.9, agreement: 1, agreement_items: 3 })])
          : page([row()]),
    });
    const { user } = renderApp("/trust");

    const table = await screen.findByRole("table");
    const [, cells] = within(table).getAllByRole("row");
    expect(within(cells!).getByRole("rowheader")).toHaveTextContent("rita");
    expect(cells).toHaveTextContent("Hazard labelling");
    expect(cells).toHaveTextContent(`${formatPercent(0.25)}`);
    expect(cells).toHaveTextContent(`${formatPercent(0.5)} of 4`);
    expect(cells).toHaveTextContent("not measured");
    expect(cells).toHaveTextContent(`${formatPercent(0.5)} of 6`);

    await user.selectOptions(screen.getByLabelText("Activity"), "debates");

    const filtered = screen.getByRole("table");
    expect(await within(filtered).findByText("rosa")).toBeInTheDocument();
    expect(within(filtered).getByText("Debate judging")).toBeInTheDocument();
    expect(http.calls("GET /api/trust/").at(-1)?.query.get("activity")).toBe("debates");
  });

  it("says when nothing has been computed yet", async () => {
    stubApi({ "GET /api/auth/me/": { body: users.admin }, "GET /api/trust/": page([]) });
    renderApp("/trust");
    expect(await screen.findByText(/No trust scores yet/)).toBeInTheDocument();
  });

  it("is not offered to raters", async () => {
    stubApi({ "GET /api/auth/me/": { body: users.rater }, "GET /api/work/": { body: { results: [] } } });
    renderApp("/trust");
    expect(await screen.findByRole("heading", { name: "Not available" })).toBeInTheDocument();
  });
});
