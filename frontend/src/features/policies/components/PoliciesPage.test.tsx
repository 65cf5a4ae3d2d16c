import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { stubApi, users } from "../../../test/http";
import { renderApp } from "../../../test/renderApp";

const page = <T,>(results: T[]) => ({ count: results.length, next: null, previous: null, results });
const lines = page([
  { slug: "debater", name: "Debater", description: "", published_version: null },
  { slug: "judge", name: "Judge", description: "", published_version: null },
]);

const policy = (fields: Record<string, unknown> = {}) => ({
  line: "debater",
  auto_train: false,
  check_every_minutes: 60,
  min_new_signals: 100,
  recipe: "dpo",
  dataset_recipe: {},
  training_config: {},
  auto_publish: false,
  gates: { min_preference_accuracy: 0.5 },
  eval_llmbar_per_subset: 25,
  last_checked_at: null,
  ...fields,
});

describe("line policies", () => {
  it("shows a line's gates and lets admins change them", async () => {
    const http = stubApi({
      "GET /api/auth/me/": { body: users.admin },
      "GET /api/registry/lines/": { body: lines },
      "GET /api/loop/policies/debater/": { body: policy() },
      "PUT /api/loop/policies/debater/": (request) => ({
        body: policy({ ...(request.body as Record<string, unknown>) }),
      }),
    });
    const { user } = renderApp("/policies");

    const gates = await screen.findByRole("table");
    expect(
      within(gates).getByRole("row", { name: /Least preference accuracy/ }),
    ).toHaveTextContent((0.5).toLocaleString());
    expect(within(gates).getByRole("row", { name: /Largest hazard rate/ })).toHaveTextContent("not checked");
    expect(screen.getByText(/Off: runs start only when an admin starts them/)).toBeInTheDocument();

    await user.type(screen.getByRole("textbox", { name: /Largest hazard rate/ }), "0.1");
    await user.click(screen.getByRole("checkbox", { name: /Train automatically/ }));
    await user.click(screen.getByRole("button", { name: "Save policy" }));

    expect(await screen.findByText("Saved.")).toBeInTheDocument();
    expect(http.calls("PUT /api/loop/policies/debater/")[0]?.body).toEqual({
      gates: { min_preference_accuracy: 0.5, max_hazard_rate: 0.1 },
      auto_train: true,
      check_every_minutes: 60,
      min_new_signals: 100,
      recipe: "dpo",
      auto_publish: false,
      eval_llmbar_per_subset: 25,
      dataset_recipe: {},
      training_config: {},
    });
    expect(screen.getByText(/On: every 60 minutes/)).toBeInTheDocument();
  });

  it("refuses JSON it cannot read before sending it", async () => {
    const http = stubApi({
      "GET /api/auth/me/": { body: users.admin },
      "GET /api/registry/lines/": { body: lines },
      "GET /api/loop/policies/judge/": { body: policy({ line: "judge" }) },
    });
    const { user } = renderApp("/policies/judge");

    const recipe = await screen.findByRole("textbox", { name: /Dataset recipe/ });
    await user.clear(recipe);
    await user.type(recipe, "kinds");
    expect(screen.getByText("This is not valid JSON.")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Save policy" }));
    expect(http.calls("PUT /api/loop/policies/judge/")).toHaveLength(0);
  });

  it("shows researchers the policy without the form", async () => {
    stubApi({
      "GET /api/auth/me/": { body: users.researcher },
      "GET /api/registry/lines/": { body: lines },
      "GET /api/loop/policies/debater/": { body: policy() },
    });
    renderApp("/policies");

    expect(await screen.findByRole("heading", { name: "Policy of debater" })).toBeInTheDocument();
    expect(await screen.findByRole("table")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Save policy" })).not.toBeInTheDocument();
  });

  it("says when there are no lines", async () => {
    stubApi({
      "GET /api/auth/me/": { body: users.researcher },
      "GET /api/registry/lines/": { body: page([]) },
    });
    renderApp("/policies");
    expect(await screen.findByText("No model lines yet.")).toBeInTheDocument();
  });
});
