import { act, screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "vitest";
import { FakeWebSocket } from "../../../test/fakeWebSocket";
import { stubApi, users } from "../../../test/http";
import { renderApp } from "../../../test/renderApp";
import { proposal, round } from "./roundFixtures";

const tally = (agree: number, disagree: number, pass: number) => ({
  human: { agree, disagree, pass },
  ai: { agree: 0, disagree: 0, pass: 1 },
});

/** The replies of a closed round that enacted version 2, for any signed-in role. */
const closedRound = () => ({
  "GET /api/principles/rounds/3/": {
    body: round({
      status: "closed",
      closed_at: "2025-02-01T00:00:00Z",
      enacted_version: 2,
      proposals: [proposal({ my_vote: "agree", tally: tally(3, 1, 0) })],
    }),
  },
  "GET /api/principles/proposals/7/comments/": { body: [] },
  "GET /api/principles/rounds/3/analysis/": {
    body: {
      closed: true,
      participants: 4,
      version: 2,
      groups: {
        k: 2,
        silhouette: 0.61,
        voters: [
          { group: 0, x: -1, y: 0 },
          { group: 1, x: 1, y: 0 },
        ],
        proposals: [{ proposal: 7, x: 0.5, y: 0.1 }],
      },
      proposals: {
        "7": {
          votes: 4,
          agree: 3,
          disagree: 1,
          passes: 0,
          agreement: 0.75,
          group_agreement: { "0": 1, "1": 0.5 },
          min_group_agreement: 0.5,
          consensus: 0.4,
          ai: { agree: 0, disagree: 0, pass: 1 },
          passed: true,
          reason: "passed",
        },
      },
      participation: {
        human_voters: 4,
        ai_voters: 1,
        with_profile: 2,
        by_background: { region: { Europe: 2 } },
      },
    },
  },
});

describe("a voting round", () => {
  beforeEach(() => FakeWebSocket.reset());

  it("hides the tally until the rater votes, then follows it live", async () => {
    let current = round();
    const http = stubApi({
      "GET /api/auth/me/": { body: users.rater },
      "GET /api/principles/rounds/3/": () => ({ body: current }),
      "POST /api/principles/proposals/7/vote/": () => {
        current = round({ proposals: [proposal({ my_vote: "agree", tally: tally(1, 0, 0) })] });
        return { body: current.proposals[0] };
      },
      "GET /api/principles/proposals/7/comments/": { body: [] },
    });
    const { user } = renderApp("/principles/rounds/3");

    const card = await screen.findByRole("listitem", { name: "amend mutual-trust" });
    expect(within(card).getByText("(AI-authored)")).toBeInTheDocument();
    expect(within(card).getByText("Vote to see the tally and the comments.")).toBeInTheDocument();
    expect(within(card).queryByLabelText("Tally")).not.toBeInTheDocument();

    await user.click(within(card).getByRole("button", { name: "Agree" }));
    expect(http.calls("POST /api/principles/proposals/7/vote/")[0]?.body).toEqual({
      choice: "agree",
      dwell_ms: expect.any(Number),
    });
    expect(await within(card).findByLabelText("Tally")).toHaveTextContent(
      "Humans: 1 agree, 0 disagree, 0 pass.",
    );
    expect(within(card).getByRole("button", { name: "Agree" })).toHaveAttribute("aria-pressed", "true");

    // Having voted, the page listens to this proposal's tally group only.
    const socket = await FakeWebSocket.opened();
    act(() => socket.acceptConnection());
    expect(socket.sent).toEqual([{ action: "subscribe", group: "round:3.7" }]);
    current = round({ proposals: [proposal({ my_vote: "agree", tally: tally(1, 2, 0) })] });
    act(() =>
      socket.emit({ type: "round.tally", group: "round:3.7", payload: { round: 3, proposal: 7 } }),
    );
    expect(await within(card).findByText(/1 agree, 2 disagree, 0 pass/)).toBeInTheDocument();
  });

  it("proposes a retirement with only the principle and the reason, showing the server's field messages", async () => {
    let attempts = 0;
    const http = stubApi({
      "GET /api/auth/me/": { body: users.rater },
      "GET /api/principles/rounds/3/": { body: round() },
      "POST /api/principles/rounds/3/proposals/": () =>
        attempts++ === 0
          ? {
              status: 400,
              body: {
                detail: "Invalid input: see the field messages.",
                code: "invalid",
                fields: { principle_key: ["Version 1 has no principle mutual-trus."] },
              },
            }
          : { status: 201, body: proposal({ id: 8, action: "retire", title: "", text: "" }) },
    });
    const { user } = renderApp("/principles/rounds/3");

    const form = await screen.findByRole("form", { name: "Propose a change" });
    await user.selectOptions(within(form).getByLabelText("Change"), "Retire a principle");
    expect(within(form).queryByLabelText("Title")).not.toBeInTheDocument();
    await user.type(within(form).getByLabelText("Principle id"), "mutual-trus");
    await user.type(within(form).getByLabelText("Rationale"), "Obsolete.");
    await user.click(within(form).getByRole("button", { name: "Submit proposal" }));
    expect(await within(form).findByText("Version 1 has no principle mutual-trus.")).toBeInTheDocument();
    expect(within(form).getByLabelText("Principle id")).toHaveAccessibleDescription(
      "Version 1 has no principle mutual-trus.",
    );

    await user.type(within(form).getByLabelText("Principle id"), "t");
    await user.click(within(form).getByRole("button", { name: "Submit proposal" }));
    await waitFor(() => expect(within(form).getByLabelText("Principle id")).toHaveValue(""));
    expect(http.calls("POST /api/principles/rounds/3/proposals/")[1]?.body).toEqual({
      action: "retire",
      principle_key: "mutual-trust",
      title: "",
      text: "",
      audience: "",
      rationale: "Obsolete.",
    });
    expect(within(form).getByLabelText("Change")).toHaveValue("retire");
  });

  it("shows results, opinion groups and the enacted version once closed", async () => {
    const http = stubApi({
      ...closedRound(),
      "GET /api/auth/me/": { body: users.rater },
    });
    renderApp("/principles/rounds/3");

    expect(await screen.findByRole("heading", { name: "Results" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "version 2" })).toHaveAttribute("href", "/principles/versions/2");
    const map = await screen.findByRole("img", { name: "Opinion map: 2 voters in 2 group(s)" });
    // Each voter is a dot named by its group; the legend names the groups apart from the dots.
    expect(within(map).getByText("Group 1")).toBeInTheDocument();
    expect(within(map).getByText("Group 2")).toBeInTheDocument();
    expect(within(screen.getByRole("list", { name: "Opinion groups" })).getAllByRole("listitem")).toHaveLength(2);
    expect(screen.getByText("Passed")).toBeInTheDocument();
    expect(screen.getByText("Europe: 2")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Agree" })).not.toBeInTheDocument();
    // Support per rater group is for researchers: a rater's page does not ask for it.
    expect(screen.queryByRole("table", { name: "Support per rater group" })).not.toBeInTheDocument();
    expect(http.calls("GET /api/principles/rounds/3/groups/")).toHaveLength(0);
  });

  it("draws voters who voted alike apart, so that three voters show as three dots", async () => {
    const replies = closedRound();
    const analysis = replies["GET /api/principles/rounds/3/analysis/"].body;
    stubApi({
      ...replies,
      "GET /api/principles/rounds/3/analysis/": {
        body: {
          ...analysis,
          groups: {
            k: 1,
            silhouette: null,
            voters: [0, 1, 2].map(() => ({ group: 0, x: 0.5, y: -0.5 })),
            proposals: [{ proposal: 7, x: 0.5, y: 0.1 }],
          },
        },
      },
      "GET /api/auth/me/": { body: users.rater },
    });
    renderApp("/principles/rounds/3");

    const map = await screen.findByRole("img", { name: "Opinion map: 3 voters in 1 group(s)" });
    const dots = within(map).getAllByText("Group 1").map((title) => title.parentElement);
    const places = new Set(dots.map((dot) => `${dot?.getAttribute("cx")},${dot?.getAttribute("cy")}`));
    expect(places.size).toBe(3);
    expect(screen.getByText(/drawn slightly apart/)).toBeInTheDocument();
  });

  it("shows researchers each proposal's support per rater group, small groups left out", async () => {
    const shown = { suppressed: false, raters: 6, n: 6, successes: 3, rate: 0.5, low: 0.19, high: 0.81 };
    const hidden = { suppressed: true, raters: null, n: null, successes: null, rate: null, low: null, high: null };
    const http = stubApi({
      ...closedRound(),
      "GET /api/auth/me/": { body: users.researcher },
      "GET /api/quotas/principles/3/": { body: { activity: "principles", object_id: 3, quotas: [], groups: [] } },
      "GET /api/principles/rounds/3/groups/": {
        body: {
          field: "region",
          min_group_size: 5,
          groups: [
            { group: "eu", raters: 6, measures: [{ measure: "proposal 7", ...shown }] },
            { group: "na", raters: 5, measures: [{ measure: "proposal 7", ...hidden }] },
          ],
          suppressed_groups: 1,
          raters_left_out: 2,
        },
      },
    });
    renderApp("/principles/rounds/3");

    const table = await screen.findByRole("table", { name: "Support per rater group" });
    const rows = within(table).getAllByRole("row");
    expect(within(rows[0]!).getAllByRole("columnheader").map((c) => c.textContent)).toEqual(["Group", "Raters", "P1"]);
    expect(rows.slice(1).map((row) => within(row).getAllByRole("cell").map((c) => c.textContent))).toEqual([
      ["eu", "6", "50.0% (19.0% – 81.0%), 3 of 6"],
      ["na", "5", "too few raters"],
    ]);
    expect(http.calls("GET /api/principles/rounds/3/groups/").map((r) => r.query.get("by"))).toEqual(["region"]);
  });
});
