import { act, screen, within } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "vitest";
import { FakeWebSocket } from "../../../test/fakeWebSocket";
import { stubApi, users } from "../../../test/http";
import { renderApp } from "../../../test/renderApp";

const page = <T,>(results: T[]) => ({ count: results.length, next: null, previous: null, results });
const lines = page([{ slug: "debater", name: "Debater", description: "", published_version: null }]);

const snapshot = (fields: Record<string, unknown> = {}) => ({
  id: 5,
  status: "building",
  error: "",
  content_hash: "",
  line: "debater",
  recipe: { kinds: ["preference"], since: null, until: "2026-01-01T00:00:00Z" },
  format: "preference",
  signal_count: 0,
  counts: {},
  mix: {},
  build_s: null,
  created_at: "2026-01-01T00:00:00Z",
  signal_ids: [],
  ...fields,
});

describe("snapshots", () => {
  beforeEach(() => FakeWebSocket.reset());

  it("lets admins build one from a recipe and shows it ready with its downloads", async () => {
    let stored: ReturnType<typeof snapshot>[] = [];
    const http = stubApi({
      "GET /api/auth/me/": { body: users.admin },
      "GET /api/registry/lines/": { body: lines },
      "GET /api/loop/snapshots/": () => ({ body: page(stored) }),
      "POST /api/loop/snapshots/": () => {
        stored = [snapshot()];
        return { status: 202, body: snapshot() };
      },
    });
    const { user } = renderApp("/snapshots");

    expect(await screen.findByText("No snapshots yet.")).toBeInTheDocument();
    await user.click(screen.getByRole("checkbox", { name: "Debate judgements" }));
    await user.selectOptions(screen.getByLabelText("For line (optional)"), "debater");
    await user.type(screen.getByLabelText(/Weights/), "human = 2\nimported:hh_rlhf = 1");
    const agreement = screen.getByLabelText("Least majority share per item (0 to 1)");
    await user.clear(agreement);
    await user.type(agreement, "0.6");
    await user.click(screen.getByRole("button", { name: "Build snapshot" }));

    expect(await screen.findByText(/Snapshot #5 is building/)).toBeInTheDocument();
    expect(http.calls("POST /api/loop/snapshots/")[0]?.body).toEqual({
      line: "debater",
      recipe: {
        kinds: ["preference", "judgement"],
        format: "preference",
        since: null,
        until: null,
        mix_by: "source",
        weights: { human: 2, "imported:hh_rlhf": 1 },
        min_agreement: 0.6,
        min_reliability: 0,
        eval_fraction: 0.2,
        max_examples: null,
        seed: 0,
        dedupe: true,
        weight_by_quality: false,
      },
    });
    const table = await screen.findByRole("table");
    expect(within(table).getByText("building")).toBeInTheDocument();

    stored = [
      snapshot({
        status: "ready",
        content_hash: "abcdef0123456789",
        signal_count: 1234,
        counts: { train: 8, eval: 2 },
        mix: { human: 0.5, "imported:hh_rlhf": 0.5 },
        build_s: 0.25,
      }),
    ];
    const socket = await FakeWebSocket.opened();
    act(() => socket.acceptConnection());
    act(() =>
      socket.emit({ type: "snapshot.completed", group: "registry", payload: { id: 5, status: "ready" } }),
    );
    expect(await within(table).findByText("ready")).toBeInTheDocument();
    expect(within(table).getByText((1234).toLocaleString())).toBeInTheDocument();
    expect(within(table).getByRole("link", { name: "Hugging Face export (zip)" })).toHaveAttribute(
      "href",
      "/api/loop/snapshots/5/export/archive/",
    );
    expect(within(table).getByRole("link", { name: "train.jsonl" })).toHaveAttribute(
      "href",
      "/api/loop/snapshots/5/download/?split=train",
    );
  });

  it("shows the server's messages by field and refuses unreadable weights before sending", async () => {
    const http = stubApi({
      "GET /api/auth/me/": { body: users.admin },
      "GET /api/registry/lines/": { body: lines },
      "GET /api/loop/snapshots/": { body: page([]) },
      "POST /api/loop/snapshots/": {
        status: 400,
        body: {
          detail: "Invalid input: see the field messages.",
          code: "invalid",
          fields: { kinds: ["'vote' is not a training signal: votes feed analysis."] },
        },
      },
    });
    const { user } = renderApp("/snapshots");

    const weights = await screen.findByLabelText(/Weights/);
    await user.type(weights, "human");
    expect(screen.getByText('Cannot read "human": write group = weight.')).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Build snapshot" }));
    expect(http.calls("POST /api/loop/snapshots/")).toHaveLength(0);

    await user.clear(weights);
    await user.click(screen.getByRole("checkbox", { name: "Principle votes" }));
    await user.click(screen.getByRole("button", { name: "Build snapshot" }));
    expect(await screen.findByText("'vote' is not a training signal: votes feed analysis.")).toBeInTheDocument();
  });

  it("offers researchers the downloads but not the build form", async () => {
    stubApi({
      "GET /api/auth/me/": { body: users.researcher },
      "GET /api/registry/lines/": { body: lines },
      "GET /api/loop/snapshots/": { body: page([snapshot({ status: "failed", error: "ValueError: no rows" })]) },
    });
    renderApp("/snapshots");

    expect(await screen.findByText("ValueError: no rows")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Build snapshot" })).not.toBeInTheDocument();
    expect(screen.queryByRole("link", { name: "Hugging Face export (zip)" })).not.toBeInTheDocument();
  });
});
