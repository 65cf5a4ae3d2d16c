import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { stubApi, users } from "../../../test/http";
import { renderApp } from "../../../test/renderApp";

function principlesApi(me: (typeof users)[keyof typeof users]) {
  return stubApi({
    "GET /api/auth/me/": { body: me },
    "GET /api/principles/versions/": {
      body: [{ number: 1, summary: "Seed", is_current: true, round: null, created_at: "2025-01-01T00:00:00Z" }],
    },
    "GET /api/principles/versions/1/": {
      body: {
        number: 1,
        summary: "Seed",
        is_current: true,
        round: null,
        created_at: "2025-01-01T00:00:00Z",
        principles: [
          { key: "ensure-safety", title: "Ensuring safety", text: "Avoid harm.", audience: "ai", rationale: "", position: 0 },
        ],
        changelog: [],
      },
    },
    "GET /api/principles/rounds/": { body: [] },
    "GET /api/principles/tracking/": {
      body: [
        {
          key: "ensure-safety",
          points: [
            {
              round: 3,
              round_title: "Spring",
              closed_at: "2025-02-01T00:00:00Z",
              proposal: 7,
              action: "amend",
              agreement: 0.8,
              min_group_agreement: 0.6,
              group_agreement: { "0": 0.6, "1": 1 },
              groups: [
                { group: "0", voters: 5, agree: 3, agreement: 0.6 },
                { group: "1", voters: 4, agree: 4, agreement: 1 },
              ],
              backgrounds: {
                region: [
                  { group: "Asia", voters: 2, agree: 1, agreement: 0.5 },
                  { group: "Europe", voters: 3, agree: 3, agreement: 1 },
                ],
                expertise: [],
              },
              passed: true,
            },
            {
              round: 4,
              round_title: "Summer",
              closed_at: "2025-03-01T00:00:00Z",
              proposal: 9,
              action: "amend",
              agreement: 0.5,
              min_group_agreement: 0.2,
              group_agreement: { "0": 0.2, "1": 0.9, "2": 0.7 },
              groups: [
                { group: "0", voters: 5, agree: 1, agreement: 0.2 },
                { group: "1", voters: 10, agree: 9, agreement: 0.9 },
                { group: "2", voters: 3, agree: 2, agreement: 2 / 3 },
              ],
              backgrounds: {
                region: [{ group: "Asia", voters: 2, agree: 2, agreement: 1 }],
                expertise: [],
              },
              passed: false,
            },
          ],
        },
      ],
    },
    "GET /api/principles/audit/": {
      body: [
        {
          id: 1,
          action: "vetoed",
          actor: "rosa",
          round: 3,
          version: null,
          proposal: 7,
          reason: "Conflicts with a red line.",
          details: {},
          created_at: "2025-02-01T00:00:00Z",
        },
      ],
    },
    "POST /api/principles/rounds/": {
      status: 400,
      body: {
        detail: "Invalid input: see the field messages.",
        code: "invalid",
        fields: { closes_at: ["A round must close after it opens."] },
      },
    },
  });
}

describe("the principles page", () => {
  it("shows the constitution in force by audience and support over rounds", async () => {
    principlesApi(users.rater);
    renderApp("/principles");
    const forAI = await screen.findByRole("region", { name: "For AI" });
    expect(within(forAI).getByText("Avoid harm.")).toBeInTheDocument();
    expect(await screen.findByRole("img", { name: "Support for ensure-safety over 2 round(s)" })).toBeInTheDocument();
    expect(screen.queryByRole("form", { name: "Open a voting round" })).not.toBeInTheDocument();
    const audit = await screen.findByRole("list", { name: "Audit log" });
    expect(await within(audit).findByText(/by rosa: Conflicts with a red line\./)).toBeInTheDocument();
  });

  it("plots every opinion group per round, and background groups as lines across rounds", async () => {
    principlesApi(users.rater);
    const { user } = renderApp("/principles");
    const name = "Support for ensure-safety over 2 round(s)";
    const chart = await screen.findByRole("img", { name });
    // Five opinion groups over the two rounds, each a dot titled with its size and agreement.
    expect(within(chart).getAllByText(/: opinion group \d+, /)).toHaveLength(5);
    expect(within(chart).getByText("Summer: opinion group 1, 10 voter(s), agreement 90%")).toBeInTheDocument();
    expect(within(chart).queryByLabelText("Asia")).not.toBeInTheDocument();
    // The y axis reads as percentages from 0 to 100.
    expect(within(chart).getByText("0%")).toBeInTheDocument();
    expect(within(chart).getByText("100%")).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText("Groups"), "region");
    // The chart is drawn anew for the grouping.
    const regional = await waitFor(() => {
      const drawn = screen.getByRole("img", { name });
      expect(within(drawn).getByLabelText("Asia")).toBeInTheDocument();
      return drawn;
    });
    expect(within(regional).queryAllByText(/: opinion group \d+, /)).toHaveLength(0);
    const lines = [...regional.querySelectorAll("path[aria-label]")];
    expect(lines.map((l) => l.getAttribute("aria-label"))).toEqual(["Asia", "Europe"]);
    // Asia voted in both rounds: a point in each; Europe only in the first.
    expect(within(regional).getByText("Spring: Asia, 2 voter(s), agreement 50%")).toBeInTheDocument();
    expect(within(regional).getByText("Summer: Asia, 2 voter(s), agreement 100%")).toBeInTheDocument();
    expect(within(regional).getAllByText(/: Europe, /)).toHaveLength(1);
    const legend = screen.getByRole("list", { name: "ensure-safety by region" });
    expect(within(legend).getByText(/Europe/)).toBeInTheDocument();
  });

  it("lets researchers open a round and shows the API's field errors", async () => {
    const http = principlesApi(users.researcher);
    const { user } = renderApp("/principles");
    const form = await screen.findByRole("form", { name: "Open a voting round" });
    await user.type(within(form).getByLabelText("Title"), "Spring");
    await user.click(within(form).getByRole("button", { name: "Open round" }));
    expect(await within(form).findByText("A round must close after it opens.")).toBeInTheDocument();
    expect(http.calls("POST /api/principles/rounds/")[0]?.body).toMatchObject({
      title: "Spring",
      min_participants: 3,
      min_agreement: 0.6,
      min_group_agreement: 0.5,
    });
  });
});
