import { act, screen, within } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "vitest";
import { FakeWebSocket } from "../../../test/fakeWebSocket";
import { stubApi, users } from "../../../test/http";
import { renderApp } from "../../../test/renderApp";

const campaign = {
  id: 7,
  name: "Probe",
  description: "",
  target: "redteam-target v1",
  target_line: "redteam-target",
  target_version: 3,
  taxonomy_number: 1,
  labels_per_item: 3,
  max_new_tokens: 64,
  prompt_count: 2,
  response_count: 2,
  created_at: "2025-01-01T00:00:00Z",
};

const versions = (line: string) => ({
  count: 1,
  next: null,
  previous: null,
  results: [{ id: line === "judge" ? 2 : 3, line, number: 1, status: "published" }],
});

const analytics = {
  campaign: 7,
  labelled_items: 2,
  human_labels: 6,
  ai_labels: 0,
  ds_majority_differences: 0,
  items: [
    { response: 11, labels: 3, harmful_votes: 1, majority_harmful: false, ds_harmful: false, ds_probability: 0.2, adjudicated: false },
    { response: 12, labels: 3, harmful_votes: 1, majority_harmful: false, ds_harmful: true, ds_probability: 0.81, adjudicated: false },
  ],
  agreement: [{ label: "harmful", items: 2, krippendorff_alpha: 0.444, fleiss_kappa: 0.3, cohen_kappa: 0.25 }],
  raters: [],
  disagreements: [{ response: 11, prompt: "p", text: "t", labels: 3, harmful_votes: 1, ds_probability: 0.2 }],
  human_vs_ai: [],
  hazard_rates: [
    {
      version: "redteam-target v1",
      number: 1,
      n: 2,
      harmful: 1,
      rate: 0.5,
      low: 0.09,
      high: 0.91,
      categories: [{ code: "vcr", harmful: 1, rate: 0.5, low: 0.09, high: 0.91 }],
    },
    {
      version: "redteam-target v2",
      number: 2,
      n: 4,
      harmful: 1,
      rate: 0.25,
      low: 0.05,
      high: 0.7,
      categories: [{ code: "vcr", harmful: 1, rate: 0.25, low: 0.05, high: 0.7 }],
    },
  ],
};

const running = {
  id: 21,
  prompt: 1,
  prompt_text: "attack",
  category: "",
  source: "file",
  producer_name: "redteam-target v1",
  status: "running",
  text: "",
  error: "",
  gold_harmful: null,
  human_labels: 0,
  ai_labels: 0,
};

describe("campaign analytics", () => {
  beforeEach(() => FakeWebSocket.reset());

  it("shows agreement, the hazard-rate plot and adjudicates a disagreement", async () => {
    const http = stubApi({
      "GET /api/auth/me/": { body: users.researcher },
      "GET /api/hazards/campaigns/": { body: [campaign] },
      "GET /api/hazards/campaigns/7/responses/": { body: [] },
      "GET /api/hazards/campaigns/7/analytics/": { body: analytics },
      "GET /api/registry/lines/redteam-target/versions/": { body: versions("redteam-target") },
      "GET /api/registry/lines/judge/versions/": { body: versions("judge") },
      "POST /api/hazards/responses/11/adjudicate/": { status: 201 },
      "GET /api/hazards/taxonomies/": {
        body: [
          {
            id: 1,
            number: 1,
            note: "",
            created_at: "2025-01-01T00:00:00Z",
            severity_scale: [{ level: 0, label: "none", description: "" }],
            categories: [{ code: "vcr", name: "Violent crimes", definition: "d", examples: [] }],
          },
        ],
      },
      "GET /api/hazards/report/": {
        body: [
          {
            dataset: "xstest",
            items: 450,
            raters: 2,
            raw_agreement: 439 / 450,
            cohen_kappa: 0.95,
            label_distribution: { safe: 250, unsafe: 200 },
          },
        ],
      },
      "POST /api/hazards/campaigns/7/ai-labels/": { status: 202 },
    });
    const { user } = renderApp("/hazards/campaigns/7");

    // The campaign list links each campaign by its name.
    expect(await screen.findByRole("link", { name: "Probe" })).toHaveAttribute("href", "/hazards/campaigns/7");
    const chart = await screen.findByRole("img", { name: "Hazard rate per model version" });
    expect(within(chart).getByText("50%")).toBeInTheDocument();
    const perCategory = screen.getByRole("img", { name: "Hazard rate per category and version" });
    expect(within(perCategory).getByText("vcr on redteam-target v1: 50% (1 of 2)")).toBeInTheDocument();
    expect(within(perCategory).getByText("vcr on redteam-target v2: 25% (1 of 4)")).toBeInTheDocument();
    // One image (its legend makes it a <figure>): the name and the figures in words are on the
    // figure, and nothing inside it carries a name of its own.
    expect(perCategory.tagName).toBe("FIGURE");
    expect(perCategory).toHaveAttribute("aria-description", expect.stringContaining("vcr on redteam-target v1: 50% (1 of 2)"));
    expect(perCategory.querySelector("[aria-label], [aria-description]")).toBeNull();
    const imported = screen.getByRole("region", { name: "Imported sets" });
    expect(within(imported).getByRole("cell", { name: "0.976" })).toBeInTheDocument();
    expect(within(imported).getByRole("cell", { name: "safe: 250, unsafe: 200" })).toBeInTheDocument();
    expect(screen.getByRole("cell", { name: "0.44" })).toBeInTheDocument();
    const differing = screen.getByRole("table", { name: "Dawid-Skene against majority vote" });
    expect(within(differing).getAllByRole("row")).toHaveLength(2);
    expect(within(differing).getByRole("cell", { name: "harmful (0.81)" })).toBeInTheDocument();

    await user.click(screen.getByText(/Prompt and response/));
    expect(screen.getByText("t")).toBeVisible();
    await user.click(screen.getByLabelText("Harmful"));
    await user.click(await screen.findByRole("checkbox", { name: "Violent crimes" }));
    await user.type(screen.getByLabelText("Reason"), "explicit instructions");
    await user.click(screen.getByRole("button", { name: "Adjudicate response 11" }));
    await expect.poll(() => http.calls("POST /api/hazards/responses/11/adjudicate/").length).toBe(1);
    expect(http.calls("POST /api/hazards/responses/11/adjudicate/")[0]?.body).toEqual({
      harmful: true,
      reason: "explicit instructions",
      categories: ["vcr"],
    });

    const judge = screen.getByLabelText(/AI labeller/);
    await within(judge.closest("form") as HTMLElement).findByRole("option", { name: /judge v1/ });
    await user.click(within(judge.closest("form") as HTMLElement).getByRole("button", { name: "Go" }));
    await expect.poll(() => http.calls("POST /api/hazards/campaigns/7/ai-labels/").length).toBe(1);
    expect(http.calls("POST /api/hazards/campaigns/7/ai-labels/")[0]?.body).toEqual({ version: 2 });
  });

  it("streams responses as the model writes them", async () => {
    let done = false;
    stubApi({
      "GET /api/auth/me/": { body: users.researcher },
      "GET /api/hazards/campaigns/": { body: [campaign] },
      "GET /api/hazards/campaigns/7/responses/": () => ({
        body: [done ? { ...running, status: "done", text: "stored text" } : running],
      }),
      "GET /api/hazards/campaigns/7/analytics/": { body: analytics },
      "GET /api/registry/lines/redteam-target/versions/": { body: versions("redteam-target") },
      "GET /api/registry/lines/judge/versions/": { body: versions("judge") },
    });
    renderApp("/hazards/campaigns/7");
    await screen.findByText("Responses (1)");

    const socket = await FakeWebSocket.opened();
    act(() => socket.acceptConnection());
    expect(socket.sent).toContainEqual({ action: "subscribe", group: "campaign:7" });
    act(() => {
      socket.emit({ type: "response.delta", group: "campaign:7", payload: { id: 21, text: "str" } });
      socket.emit({ type: "response.delta", group: "campaign:7", payload: { id: 21, text: "eam" } });
    });
    expect(screen.getByText("stream")).toBeInTheDocument();

    done = true;
    act(() =>
      socket.emit({ type: "response.completed", group: "campaign:7", payload: { id: 21, status: "done" } }),
    );
    expect(await screen.findByText("stored text")).toBeInTheDocument();
  });
});
