import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { stubApi, users } from "../../../test/http";
import { renderApp } from "../../../test/renderApp";

const principle = (key: string, text: string) => ({
  key,
  title: key,
  text,
  audience: "shared",
  rationale: "",
  position: 0,
});

describe("a constitution version", () => {
  it("shows its changelog with vote statistics and a diff against an earlier version", async () => {
    const http = stubApi({
      "GET /api/auth/me/": { body: users.rater },
      "GET /api/principles/versions/": {
        body: [
          { number: 2, summary: "1 change", is_current: true, round: 3, created_at: "2025-02-01T00:00:00Z" },
          { number: 1, summary: "Seed", is_current: false, round: null, created_at: "2025-01-01T00:00:00Z" },
        ],
      },
      "GET /api/principles/versions/2/": {
        body: {
          number: 2,
          summary: "1 change",
          is_current: true,
          round: 3,
          created_at: "2025-02-01T00:00:00Z",
          principles: [principle("mutual-trust", "Trust is earned.")],
          changelog: [
            {
              proposal: {
                id: 7,
                action: "amend",
                principle_key: "mutual-trust",
                title: "Mutual trust",
                text: "Trust is earned.",
                rationale: "Capabilities change.",
                ai_authored: false,
              },
              stats: {
                votes: 4,
                agree: 3,
                disagree: 1,
                passes: 0,
                agreement: 0.75,
                group_agreement: { "0": 1, "1": 0.5 },
                min_group_agreement: 0.5,
                consensus: 0.4,
                ai: { agree: 1, disagree: 0, pass: 0 },
                passed: true,
                reason: "passed",
              },
            },
          ],
        },
      },
      "GET /api/principles/versions/2/diff/": {
        body: [
          {
            key: "mutual-trust",
            change: "changed",
            before: principle("mutual-trust", "Trust is assumed."),
            after: principle("mutual-trust", "Trust is earned."),
          },
          { key: "collaboration", change: "unchanged", before: principle("collaboration", "x"), after: principle("collaboration", "x") },
        ],
      },
    });
    renderApp("/principles/versions/2");

    expect(await screen.findByText(/4 human votes \(3 agree, 1 disagree, 0 pass\); agreement 75%, weakest group 50%/)).toBeInTheDocument();
    const diff = await screen.findByRole("list", { name: "Differences" });
    expect(within(diff).getByText("Trust is assumed.").tagName).toBe("DEL");
    expect(within(diff).getByText("Trust is earned.").tagName).toBe("INS");
    expect(within(diff).queryByText("collaboration")).not.toBeInTheDocument();
    expect(http.calls("GET /api/principles/versions/2/diff/")[0]?.query.get("against")).toBe("1");
  });
});
