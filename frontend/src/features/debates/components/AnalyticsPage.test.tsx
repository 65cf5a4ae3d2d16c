import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { stubApi, users } from "../../../test/http";
import { renderApp } from "../../../test/renderApp";

const row = { n: 154, correct: 130, incorrect: 24, accuracy: 0.844, ci_low: 0.778, ci_high: 0.893 };
const report = {
  accuracy: [{ origin: "imported", condition: "Human Debate", judge: "human", ...row }],
  configurations: [],
  consultancy: [],
  calibration: [
    {
      origin: "imported", judge: "human", n: 154, brier: 0.21, log_score: -0.5, ece: 0.04,
      bins: [{ low: 0.9, high: 1, n: 100, confidence: 0.95, accuracy: 0.9 }],
    },
  ],
  persuasiveness: [
    { debater: "GPT-4", rating: 35, ci_low: -10, ci_high: 80, matches: 40, wins: 24, wrong_answer_n: 20, wrong_answer_win_rate: 0.25 },
  ],
  agreement: [],
  computed_at: "2026-11-29T12:00:00+00:00",
  recomputing: false,
};

describe("debate analytics", () => {
  it("shows accuracy with intervals, plots, and export links", async () => {
    stubApi({
      "GET /api/auth/me/": { body: users.researcher },
      "GET /api/debates/analytics/": { body: report },
    });
    renderApp("/debates/analytics");
    const table = await screen.findByRole("table", { name: "Judge accuracy per condition" });
    const cells = within(table).getAllByRole("cell").map((cell) => cell.textContent);
    expect(cells).toEqual(["imported", "Human Debate", "human", "154", "130", "24", "84.4%", "77.8% – 89.3%"]);
    // Observable Plot loads with the first chart, so the charts come a moment after the tables.
    const diagram = await screen.findByRole("img", { name: "Reliability diagram, imported, human" });
    expect(diagram).toHaveAttribute("aria-description", expect.stringContaining("90%–100%: accuracy 90%, n = 100"));
    expect(within(diagram).getByText("n = 100")).toBeInTheDocument();
    // Tick values on both axes.
    expect(within(diagram).getAllByText("60%")).toHaveLength(2);
    const ratings = await screen.findByRole("img", { name: "Bradley-Terry ratings" });
    expect(ratings).toHaveAttribute("aria-description", expect.stringContaining("GPT-4: 35 (-10 to 80)"));
    expect(screen.getAllByRole("link", { name: "CSV" })[0]).toHaveAttribute(
      "href",
      "/api/debates/analytics/export/?table=accuracy&file_format=csv",
    );
  });

  it("shows the last computed tables while newer ones are computed", async () => {
    stubApi({
      "GET /api/auth/me/": { body: users.researcher },
      "GET /api/debates/analytics/": { body: { ...report, recomputing: true } },
    });
    renderApp("/debates/analytics");
    expect(await screen.findByRole("table", { name: "Judge accuracy per condition" })).toBeInTheDocument();
    expect(screen.getByText(/Computed .*Recomputing with the newest judgements/)).toHaveAttribute("role", "status");
  });

  it("says what will appear where there are no judgements yet", async () => {
    stubApi({
      "GET /api/auth/me/": { body: users.researcher },
      "GET /api/debates/analytics/": {
        body: { ...report, accuracy: [], calibration: [], persuasiveness: [], computed_at: null },
      },
    });
    renderApp("/debates/analytics");
    const table = await screen.findByRole("table", { name: "Judge accuracy per condition" });
    expect(within(table).getByText(/No judgements in this table yet/)).toBeInTheDocument();
    expect(screen.getByText(/reliability diagrams appear here as judges submit them/)).toBeInTheDocument();
    expect(screen.getByText("No two different debaters have met yet.")).toBeInTheDocument();
    expect(screen.queryByRole("img", { name: /Reliability diagram|Bradley-Terry/ })).not.toBeInTheDocument();
  });

  it("is for researchers only", async () => {
    stubApi({ "GET /api/auth/me/": { body: users.rater }, "GET /api/work/": { body: { results: [] } } });
    renderApp("/debates/analytics");
    expect(await screen.findByRole("heading", { level: 1 })).not.toHaveTextContent("Debate analytics");
  });
});
