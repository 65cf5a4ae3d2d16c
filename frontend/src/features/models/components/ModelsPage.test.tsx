import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { stubApi, users } from "../../../test/http";
import { renderApp } from "../../../test/renderApp";

const version = (id: number, number: number, status: string, published_at: string | null = null) => ({
  id,
  line: "helpful",
  number,
  base: "tiny-gpt",
  uri: `s3://models/helpful/${number}`,
  status,
  metrics: { reward: 0.71234 },
  parent: number > 1 ? id - 1 : null,
  dataset_hash: "abcdef0123456789",
  code_version: "1a2b3c",
  created_at: "2025-01-01T00:00:00Z",
  published_at,
});

function registry(me: (typeof users)[keyof typeof users]) {
  return stubApi({
    "GET /api/auth/me/": { body: me },
    "GET /api/registry/lines/": {
      body: {
        count: 1,
        next: null,
        previous: null,
        results: [
          {
            slug: "helpful",
            name: "Helpful assistant",
            description: "Trained on rater debates.",
            published_version: version(10, 1, "published", "2025-01-02T00:00:00Z"),
          },
        ],
      },
    },
    "GET /api/registry/lines/helpful/versions/": {
      body: {
        count: 2,
        next: null,
        previous: null,
        results: [
          version(12, 3, "draft"),
          version(11, 2, "evaluating"),
          version(10, 1, "published", "2025-01-02T00:00:00Z"),
          version(9, 0, "retired", "2024-12-01T00:00:00Z"),
        ],
      },
    },
    "POST /api/loop/versions/11/publish/": { body: version(11, 2, "published", "2025-02-01T00:00:00Z") },
    // Version 3 fails its gates: refused without a reason, published with one.
    "POST /api/loop/versions/12/publish/": (request) =>
      (request.body as { override_reason: string }).override_reason
        ? { body: version(12, 3, "published", "2025-02-01T00:00:00Z") }
        : {
            status: 400,
            body: {
              detail: "Invalid input: see the field messages.",
              code: "invalid",
              fields: {
                gates: ["preference_accuracy was not measured."],
                override_reason: ["Give a reason to override."],
              },
            },
          },
    "POST /api/loop/versions/9/rollback/": { body: version(9, 0, "published", "2024-12-01T00:00:00Z") },
    "GET /api/llm/serving/": { body: serving },
  });
}

const endpoint = (version: number, number: number, state: string, error = "") => ({
  version,
  line: "helpful",
  number,
  served_name: `helpful-v${number}`,
  state,
  agent: "gpu-node-1",
  base_url: `http://10.0.0.7:810${number}/v1`,
  error,
  state_since: "2025-02-01T00:00:00Z",
  ready_at: null,
  heartbeat_at: "2025-02-01T00:00:00Z",
  requested_at: null,
});

const serving = {
  lines: ["helpful"],
  manager: "agent",
  routes: [{ line: "helpful", version: 10, number: 1, switched_at: "2025-01-02T00:00:00Z" }],
  endpoints: [endpoint(11, 2, "starting"), endpoint(10, 1, "ready")],
};

describe("model registry", () => {
  it("lists lines with their published version", async () => {
    registry(users.researcher);
    renderApp("/models");

    expect(await screen.findByRole("link", { name: "Helpful assistant" })).toHaveAttribute(
      "href",
      "/models/helpful",
    );
    expect(screen.getByText("Published: version 1")).toBeInTheDocument();
  });

  it("shows which version takes each served line's traffic and each version server's state", async () => {
    registry(users.researcher);
    renderApp("/models");

    const traffic = await screen.findByRole("list", { name: "Traffic per line" });
    expect(traffic).toHaveTextContent("helpful: traffic to version 1 since");
    const servers = screen.getByRole("table", { name: "Version servers" });
    expect(servers).toHaveTextContent("helpful-v2starting (loading weights)");
    expect(servers).toHaveTextContent("http://10.0.0.7:8101/v1 (gpu-node-1)");
  });

  it("shows versions without a Publish action to researchers", async () => {
    registry(users.researcher);
    renderApp("/models/helpful");

    expect(await screen.findByRole("cell", { name: "evaluating" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /Publish/ })).not.toBeInTheDocument();
  });

  it("lets admins publish an unpublished version", async () => {
    const http = registry(users.admin);
    const { user } = renderApp("/models/helpful");

    const publish = await screen.findByRole("button", { name: "Publish version 2" });
    // The already-published version cannot be published again.
    expect(screen.queryByRole("button", { name: "Publish version 1" })).not.toBeInTheDocument();
    const versionFetches = http.calls("GET /api/registry/lines/helpful/versions/").length;
    await user.click(publish);

    await screen.findByRole("button", { name: "Publish version 2" });
    expect(http.calls("POST /api/loop/versions/11/publish/")).toHaveLength(1);
    // The Models page publishes through the gated path, without an override by default.
    expect(http.calls("POST /api/loop/versions/11/publish/")[0]?.body).toEqual({ override_reason: "" });
    // Publishing refreshes the registry queries.
    await expect
      .poll(() => http.calls("GET /api/registry/lines/helpful/versions/").length)
      .toBeGreaterThan(versionFetches);
  });

  it("shows why the gates refused a version and lets an admin override with a reason", async () => {
    const http = registry(users.admin);
    const { user } = renderApp("/models/helpful");

    await user.click(await screen.findByRole("button", { name: "Publish version 3" }));
    const failed = await screen.findByRole("list", { name: "Failed gates" });
    expect(within(failed).getByText("preference_accuracy was not measured.")).toBeInTheDocument();
    const override = screen.getByRole("button", { name: "Publish version 3 over its gates" });
    // No override without a written reason.
    expect(override).toBeDisabled();
    await user.type(screen.getByLabelText(/Override reason/), "Accepted for the demo.");
    await user.click(override);
    await waitFor(() => expect(http.calls("POST /api/loop/versions/12/publish/")).toHaveLength(2));
    expect(http.calls("POST /api/loop/versions/12/publish/")[1]?.body).toEqual({
      override_reason: "Accepted for the demo.",
    });
    await waitFor(() => expect(screen.queryByRole("list", { name: "Failed gates" })).not.toBeInTheDocument());
  });

  it("rolls back to a version that was published before", async () => {
    const http = registry(users.admin);
    const { user } = renderApp("/models/helpful");

    await user.click(await screen.findByRole("button", { name: "Roll back to version 0" }));
    await waitFor(() => expect(http.calls("POST /api/loop/versions/9/rollback/")).toHaveLength(1));
    // Versions never published offer no rollback.
    expect(screen.queryByRole("button", { name: "Roll back to version 3" })).not.toBeInTheDocument();
  });
});
