import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { stubApi, users } from "../../test/http";
import { renderApp } from "../../test/renderApp";

const emptyReport = {
  accuracy: [], configurations: [], consultancy: [], calibration: [], persuasiveness: [], agreement: [],
  computed_at: null, recomputing: false,
};

const shown = { suppressed: false, raters: 6, n: 40, successes: 30, rate: 0.75, low: 0.6, high: 0.86 };
const hidden = { suppressed: true, raters: null, n: null, successes: null, rate: null, low: null, high: null };

const byRegion = {
  field: "region",
  min_group_size: 5,
  groups: [
    { group: "eu", raters: 6, measures: [{ measure: "accuracy", ...shown }] },
    { group: "na", raters: 5, measures: [{ measure: "accuracy", ...hidden }] },
  ],
  suppressed_groups: 2,
  raters_left_out: 9,
};

describe("per-group results", () => {
  it("tables judge accuracy per group with intervals, suppressed figures and the field chosen", async () => {
    const http = stubApi({
      "GET /api/auth/me/": { body: users.researcher },
      "GET /api/debates/analytics/": { body: emptyReport },
      "GET /api/debates/analytics/groups/": (request) => ({
        body: request.query.get("by") === "age_band" ? { ...byRegion, field: "age_band", groups: [] } : byRegion,
      }),
    });
    // The page's Content-Security-Policy nonce, as Django writes it into index.html.
    const nonce = Object.assign(document.createElement("meta"), { nonce: "n0nce" });
    nonce.setAttribute("property", "csp-nonce");
    document.head.append(nonce);
    const { user, container } = renderApp("/debates/analytics");
    const table = await screen.findByRole("table", { name: "Judge accuracy per rater group" });
    const rows = within(table).getAllByRole("row").slice(1).map((row) => within(row).getAllByRole("cell").map((c) => c.textContent));
    expect(rows).toEqual([
      ["eu", "6", "75.0% (60.0% – 86.0%), 30 of 40"],
      ["na", "5", "too few raters"],
    ]);
    expect(screen.getByText(/groups of fewer than 5 raters are not shown \(2 left out\), nor are 9 raters/)).toBeInTheDocument();
    // Observable Plot draws the shown group's dot; the suppressed one is not drawn. Plot's own
    // <style> carries the nonce, so the policy allows it.
    const chart = () => container.querySelector('svg[aria-label="Rate per rater group with 95% Wilson intervals"]');
    await waitFor(() => expect(chart()?.querySelectorAll("circle")).toHaveLength(1));
    expect(chart()?.querySelector("line")).not.toBeNull();
    expect([...(chart()?.querySelectorAll("style") ?? [])].map((style) => style.nonce)).toEqual(["n0nce"]);
    nonce.remove();

    await user.selectOptions(screen.getByLabelText("Group raters by"), "age_band");
    expect(await screen.findByText("No group has 5 or more consenting raters yet.")).toBeInTheDocument();
    expect(http.calls("GET /api/debates/analytics/groups/").map((r) => r.query.get("by"))).toEqual(["region", "age_band"]);
  });
});
