import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { stubApi, users } from "../../test/http";
import { renderApp } from "../../test/renderApp";

const report = {
  activity: "debates",
  object_id: 4,
  unit: "judgements",
  planned_total: null,
  planned: 10,
  total: 6,
  quotas: [
    {
      field: "region", value: "eu", min_count: null, max_count: null, min_share: null, max_share: 0.4,
      count: 4, share: 0.667, minimum: null, maximum: 4, fill_state: "full",
    },
    {
      field: "region", value: "undisclosed", min_count: 2, max_count: null, min_share: null, max_share: null,
      count: 1, share: 0.167, minimum: 2, maximum: null, fill_state: "under",
    },
  ],
  groups: [
    { field: "region", value: "eu", count: 4, share: 0.667 },
    { field: "region", value: "na", count: 1, share: 0.167 },
    { field: "region", value: "undisclosed", count: 1, share: 0.167 },
  ],
};

describe("quota panel", () => {
  it("shows each group's fill against its quota on the question set page", async () => {
    stubApi({
      "GET /api/auth/me/": { body: users.researcher },
      "GET /api/debates/question-sets/": { body: [{ id: 4, name: "QuALITY dev", source: "quality", split: "dev" }] },
      "GET /api/quotas/debates/4/": { body: report },
    });
    renderApp("/debates/sets/4");
    const table = await screen.findByRole("table", { name: "Quota fill" });
    const rows = within(table).getAllByRole("row").slice(1).map((row) => within(row).getAllByRole("cell").map((c) => c.textContent));
    expect(rows).toEqual([
      ["Region: eu", "4", "66.7%", "–", "4", "full: no more work"],
      ["Region: undisclosed", "1", "16.7%", "2", "–", "below minimum"],
    ]);
    expect(screen.getByText(/6 judgements of 10 planned/)).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "QuALITY dev" })).toBeInTheDocument();
  });

  it("saves edited quotas with shares as fractions and shows the new fill", async () => {
    const http = stubApi({
      "GET /api/auth/me/": { body: users.researcher },
      "GET /api/debates/question-sets/": { body: [] },
      "GET /api/quotas/debates/4/": { body: { ...report, quotas: [], total: 0 } },
      "PUT /api/quotas/debates/4/": { body: report },
    });
    const { user } = renderApp("/debates/sets/4");
    expect(await screen.findByText("No quotas: work goes to every group alike.")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Add quota" }));
    const quota = screen.getByRole("group", { name: "Quota 1" });
    await user.type(within(quota).getByLabelText("Group"), "EU");
    await user.type(within(quota).getByLabelText("Max %"), "40");
    await user.type(within(quota).getByLabelText("Min count"), "20");
    await user.click(screen.getByRole("button", { name: "Save quotas" }));
    await waitFor(() => expect(http.calls("PUT /api/quotas/debates/4/")).toHaveLength(1));
    expect(http.calls("PUT /api/quotas/debates/4/")[0]?.body).toEqual({
      planned_total: null,
      quotas: [{ field: "region", value: "EU", min_count: 20, max_count: null, min_share: null, max_share: 0.4 }],
    });
    expect(await screen.findByRole("table", { name: "Quota fill" })).toBeInTheDocument();
  });
});
