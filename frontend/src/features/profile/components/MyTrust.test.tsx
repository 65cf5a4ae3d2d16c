import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { formatPercent } from "../../../lib/format";
import { stubApi, users } from "../../../test/http";
import { renderApp } from "../../../test/renderApp";

const profile = {
  consent_given: false,
  consent_at: null,
  languages: [],
  region: "",
  expertise: "",
  age_band: "",
  perspective: "",
};

describe("a rater's own trust on their profile", () => {
  it("shows each activity's score with its components", async () => {
    stubApi({
      "GET /api/auth/me/": { body: users.rater },
      "GET /api/me/profile/": { body: profile },
      "GET /api/me/trust/": {
        body: [
          {
            user: 1,
            username: "rita",
            activity: "hazards",
            score: 0.6,
            gold_accuracy: 0.8,
            gold_items: 5,
            agreement: null,
            agreement_items: 0,
            fast_share: 0.25,
            timed_submissions: 8,
            fast_submissions: 2,
            computed_at: "2026-03-01T10:00:00Z",
          },
        ],
      },
    });
    renderApp("/profile");

    const item = await screen.findByText(/Hazard labelling/);
    const line = item.closest("li");
    expect(line).toHaveTextContent(`Hazard labelling: ${formatPercent(0.6)}`);
    expect(line).toHaveTextContent(`gold items right ${formatPercent(0.8)} of 5`);
    expect(line).toHaveTextContent(`faster than the reading floor ${formatPercent(0.25)} of 8`);
    expect(line).not.toHaveTextContent("agreement");
  });

  it("says when there is no score yet", async () => {
    stubApi({ "GET /api/auth/me/": { body: users.rater }, "GET /api/me/profile/": { body: profile } });
    renderApp("/profile");
    expect(await screen.findByText(/No score yet/)).toBeInTheDocument();
  });
});
