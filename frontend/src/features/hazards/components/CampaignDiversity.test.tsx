import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { stubApi, users } from "../../../test/http";
import { renderApp } from "../../../test/renderApp";

const campaign = {
  id: 7, name: "Probe", description: "", target: "", target_line: null, target_version: null, taxonomy_number: 1,
  labels_per_item: 3, max_new_tokens: 64, prompt_count: 2, response_count: 2, created_at: "2025-01-01T00:00:00Z",
};

const analytics = {
  campaign: 7, labelled_items: 0, human_labels: 0, ai_labels: 0, ds_majority_differences: 0, items: [], agreement: [],
  raters: [], disagreements: [], human_vs_ai: [], hazard_rates: [], computed_at: null, recomputing: false,
};

const figures = (successes: number, n: number) => ({
  suppressed: false, raters: 5, n, successes, rate: successes / n, low: 0.1, high: 0.9,
});

describe("a campaign's rater groups", () => {
  it("shows the quota panel and hazard rate and agreement per group", async () => {
    stubApi({
      "GET /api/auth/me/": { body: users.researcher },
      "GET /api/hazards/campaigns/": { body: [campaign] },
      "GET /api/hazards/campaigns/7/analytics/": { body: analytics },
      "GET /api/quotas/hazards/7/": {
        body: { activity: "hazards", object_id: 7, unit: "labels", planned_total: null, planned: 6, total: 0, quotas: [], groups: [] },
      },
      "GET /api/hazards/campaigns/7/analytics/groups/": {
        body: {
          field: "region", min_group_size: 5, suppressed_groups: 0, raters_left_out: 0,
          groups: [{ group: "eu", raters: 5, measures: [{ measure: "hazard_rate", ...figures(2, 10) }, { measure: "agreement", ...figures(8, 10) }] }],
        },
      },
    });
    renderApp("/hazards/campaigns/7");
    expect(await screen.findByRole("heading", { name: "Rater groups and quotas" })).toBeInTheDocument();
    expect(await screen.findByText(/0 labels of 6 planned/)).toBeInTheDocument();
    const table = await screen.findByRole("table", { name: "Hazard rate and agreement per rater group" });
    expect(within(table).getAllByRole("columnheader").map((c) => c.textContent)).toEqual([
      "Group", "Raters", "Hazard rate", "Agreement with the other raters' majority",
    ]);
    expect(within(table).getAllByRole("cell").map((c) => c.textContent)).toEqual([
      "eu", "5", "20.0% (10.0% – 90.0%), 2 of 10", "80.0% (10.0% – 90.0%), 8 of 10",
    ]);
  });
});
