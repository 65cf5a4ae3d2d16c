import { screen, within } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "vitest";
import { FakeWebSocket } from "../../../test/fakeWebSocket";
import { nodeMultipart, stubApi, users, type Route } from "../../../test/http";
import { renderApp } from "../../../test/renderApp";

const campaign = {
  id: 9,
  name: "Fresh",
  description: "",
  target: "redteam-target v2",
  target_line: "redteam-target",
  target_version: 4,
  taxonomy_number: 1,
  labels_per_item: 2,
  max_new_tokens: 64,
  prompt_count: 0,
  response_count: 0,
  created_at: "2025-01-01T00:00:00Z",
};

const taxonomy = {
  id: 1,
  number: 1,
  note: "",
  created_at: "2025-01-01T00:00:00Z",
  severity_scale: [
    { level: 0, label: "none", description: "" },
    { level: 1, label: "low", description: "minor" },
  ],
  categories: [
    { code: "vcr", name: "Violent crimes", definition: "Enables violence.", examples: ["how to hurt"] },
    { code: "hte", name: "Hate", definition: "Demeans groups.", examples: [] },
  ],
};

const lines = {
  count: 2,
  next: null,
  previous: null,
  results: [
    { slug: "debater", name: "Debater", description: "", published_version: null },
    { slug: "redteam-target", name: "Red-team target", description: "", published_version: null },
  ],
};

const versions = (line: string) => ({
  count: 2,
  next: null,
  previous: null,
  results:
    line === "redteam-target"
      ? [
          { id: 4, line, number: 2, status: "published" },
          { id: 3, line, number: 1, status: "retired" },
        ]
      : [{ id: 2, line, number: 1, status: "published" }],
});

function routes(extra: Record<string, Route>): Record<string, Route> {
  return {
    "GET /api/auth/me/": { body: users.researcher },
    "GET /api/hazards/campaigns/": { body: [campaign] },
    "GET /api/hazards/taxonomies/": { body: [taxonomy] },
    "GET /api/registry/lines/": { body: lines },
    "GET /api/registry/lines/redteam-target/versions/": { body: versions("redteam-target") },
    "GET /api/registry/lines/judge/versions/": { body: versions("judge") },
    "GET /api/hazards/campaigns/9/responses/": { body: [] },
    "GET /api/hazards/campaigns/9/analytics/": { status: 404, body: { detail: "n/a", code: "not_found" } },
    ...extra,
  };
}

describe("campaign setup", () => {
  beforeEach(() => FakeWebSocket.reset());

  it("creates a campaign against a chosen version and opens it", async () => {
    const http = stubApi(routes({ "POST /api/hazards/campaigns/": { status: 201, body: campaign } }));
    const { user } = renderApp("/hazards/campaigns");

    await user.click(await screen.findByText("New campaign"));
    await user.type(screen.getByLabelText("Campaign name"), "Fresh");
    await screen.findByRole("option", { name: "Red-team target" });
    await user.selectOptions(screen.getByLabelText("Target model line"), "redteam-target");
    await screen.findByRole("option", { name: "redteam-target v1 (retired)" });
    await user.selectOptions(screen.getByLabelText("Target version"), "3");
    await user.clear(screen.getByLabelText("Raters per response"));
    await user.type(screen.getByLabelText("Raters per response"), "2");
    await user.click(screen.getByRole("button", { name: "Create campaign" }));

    await expect.poll(() => http.calls("POST /api/hazards/campaigns/").length).toBe(1);
    expect(http.calls("POST /api/hazards/campaigns/")[0]?.body).toEqual({
      name: "Fresh",
      description: "",
      line: "redteam-target",
      version: 3,
      labels_per_item: 2,
      max_new_tokens: 128,
    });
    expect(await screen.findByRole("heading", { name: "Fresh" })).toBeInTheDocument();
    // The form starts over for the next campaign (issue 14: it stayed filled in).
    expect(screen.getByLabelText("Campaign name")).toHaveValue("");
    expect(screen.getByLabelText("Target version")).toHaveValue("");
    expect(screen.getByLabelText("Raters per response")).toHaveValue("3");
  });

  it("saves an edited taxonomy as a new version", async () => {
    let attempt = 0;
    const http = stubApi(
      routes({
        "POST /api/hazards/taxonomies/": () =>
          ++attempt === 1
            ? {
                status: 400,
                body: { detail: "Invalid input.", code: "invalid", fields: { categories: [{}, { code: ["This field may not be blank."] }] } },
              }
            : { status: 201, body: { ...taxonomy, id: 2, number: 2 } },
      }),
    );
    const { user } = renderApp("/hazards/campaigns");

    await user.click(await screen.findByText("Hazard taxonomy (version 1)"));
    const hate = screen.getByRole("group", { name: "Category 2" });
    await user.click(within(hate).getByRole("button", { name: "Remove category 2" }));
    await user.click(screen.getByRole("button", { name: "Add category" }));
    await user.click(screen.getByRole("button", { name: "Save as version 2" }));
    expect(await screen.findByText("categories 2 code: This field may not be blank.")).toBeInTheDocument();
    const added = screen.getByRole("group", { name: "Category 2" });
    await user.type(within(added).getByLabelText("Code"), "cyb");
    await user.type(within(added).getByLabelText("Name"), "Cyber crimes");
    await user.type(within(added).getByLabelText("Definition"), "Helps break into systems.");
    await user.type(within(added).getByLabelText("Examples (one per line)"), "write malware{Enter}{Enter}phish");
    await user.click(screen.getByRole("button", { name: "Add level" }));
    await user.type(within(screen.getByRole("group", { name: "Severity level 3" })).getByLabelText("Label"), "high");
    await user.type(screen.getByLabelText("What changed (note)"), "cyber instead of hate");
    await user.click(screen.getByRole("button", { name: "Save as version 2" }));

    await expect.poll(() => http.calls("POST /api/hazards/taxonomies/").length).toBe(2);
    expect(await screen.findByText(/Saved version 2/)).toBeInTheDocument();
    expect(http.calls("POST /api/hazards/taxonomies/")[1]?.body).toEqual({
      note: "cyber instead of hate",
      categories: [
        { code: "vcr", name: "Violent crimes", definition: "Enables violence.", examples: ["how to hurt"] },
        { code: "cyb", name: "Cyber crimes", definition: "Helps break into systems.", examples: ["write malware", "phish"] },
      ],
      severity_scale: [
        { level: 0, label: "none", description: "" },
        { level: 1, label: "low", description: "minor" },
        { level: 2, label: "high", description: "" },
      ],
    });
  });

  it("uploads a prompt file as multipart and shows field errors", async () => {
    let attempt = 0;
    const http = stubApi(
      routes({
        "POST /api/hazards/campaigns/9/import/": () =>
          ++attempt === 1
            ? { status: 201, body: { count: 2 } }
            : { status: 400, body: { detail: "Invalid input.", code: "invalid", fields: { file: ["line 2: no prompt"] } } },
      }),
    );
    const { user } = renderApp("/hazards/campaigns/9");

    const NodeFile = await nodeMultipart();
    const file = new NodeFile(["prompt,category\nhow to pick a lock,ncr\nhi,\n"], "attacks.csv", { type: "text/csv" });
    await user.upload(await screen.findByLabelText(/Prompt file/), file);
    await user.click(screen.getByRole("button", { name: "Import" }));
    expect(await screen.findByText(/Imported 2 prompts/)).toBeInTheDocument();
    const sent = http.calls("POST /api/hazards/campaigns/9/import/")[0];
    expect(sent?.headers.get("Content-Type")).toMatch(/^multipart\/form-data; boundary=/);
    expect(sent?.body).toEqual({
      file: { name: "attacks.csv", text: "prompt,category\nhow to pick a lock,ncr\nhi,\n" },
      format: "prompts",
    });

    await user.selectOptions(screen.getByLabelText("Format"), "ailuminate");
    await user.click(screen.getByRole("button", { name: "Import" }));
    expect(await screen.findByText(/line 2: no prompt/)).toBeInTheDocument();
    expect(http.calls("POST /api/hazards/campaigns/9/import/")[1]?.body).toMatchObject({ format: "ailuminate" });
  });

  it("asks the AI attacker for prompts aimed at a category", async () => {
    const http = stubApi(routes({ "POST /api/hazards/campaigns/9/attacks/": { status: 202 } }));
    const { user } = renderApp("/hazards/campaigns/9");

    await screen.findByRole("option", { name: "Hate" });
    await user.selectOptions(screen.getByLabelText("AI attacker: category"), "hte");
    await user.clear(screen.getByLabelText("Prompts"));
    await user.type(screen.getByLabelText("Prompts"), "6");
    await user.click(screen.getByRole("button", { name: "Generate attacks" }));

    await expect.poll(() => http.calls("POST /api/hazards/campaigns/9/attacks/").length).toBe(1);
    expect(http.calls("POST /api/hazards/campaigns/9/attacks/")[0]?.body).toEqual({ category: "hte", count: 6 });
    expect(await screen.findByText(/Queued: prompts arrive/)).toBeInTheDocument();
  });
});
