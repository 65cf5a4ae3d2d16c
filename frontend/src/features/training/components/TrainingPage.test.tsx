import { act, screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "vitest";
import { FakeWebSocket } from "../../../test/fakeWebSocket";
import { stubApi, users } from "../../../test/http";
import { renderApp } from "../../../test/renderApp";

const page = <T,>(results: T[]) => ({ count: results.length, next: null, previous: null, results });

const lines = page([
  { slug: "debater", name: "Debater", description: "", published_version: null },
]);

const run = (fields: Record<string, unknown> = {}) => ({
  id: 7,
  line: "debater",
  recipe: "dpo",
  config: { max_steps: 10 },
  base_version: 1,
  base_version_number: 1,
  snapshot: 3,
  snapshot_hash: "0123456789abcdef",
  trigger: "admin",
  auto_publish: false,
  status: "running",
  step: 2,
  total_steps: 10,
  loss: 0.69,
  eta_s: 8,
  history: [
    [1, 0.69],
    [2, 0.6],
  ],
  attempts: 1,
  resumed_from_step: 0,
  devices: 1,
  cancelled_by: null,
  cancel_reason: "",
  version: null,
  version_number: null,
  timings: { snapshot_s: 0.2 },
  error: "",
  created_at: "2026-01-01T00:00:00Z",
  started_at: "2026-01-01T00:00:01Z",
  finished_at: null,
  ...fields,
});

const version = (fields: Record<string, unknown> = {}) => ({
  id: 20,
  line: "debater",
  number: 2,
  base: "co-align/tiny-llama",
  uri: "/models/run-7/model",
  status: "draft",
  metrics: {
    preference_accuracy: 0.75,
    llmbar: { Natural: 0.5, overall: 0.45 },
    hazard_rate: null,
    constitution_agreement: 0.6,
  },
  parent: 1,
  training_run_ref: "loop.run:7",
  dataset_hash: "0123456789abcdef",
  code_version: "abc",
  artifact_hash: "f00",
  created_at: "2026-01-01T00:01:00Z",
  published_at: null,
  ...fields,
});

describe("training", () => {
  beforeEach(() => FakeWebSocket.reset());

  it("lets admins start a run and shows field messages when it is refused", async () => {
    let attempt = 0;
    const http = stubApi({
      "GET /api/auth/me/": { body: users.admin },
      "GET /api/registry/lines/": { body: lines },
      "GET /api/loop/runs/": { body: page([]) },
      "POST /api/loop/runs/": () =>
        ++attempt === 1
          ? {
              status: 400,
              body: {
                detail: "Invalid input: see the field messages.",
                code: "invalid",
                fields: { config: ["max_steps: Give a whole number."] },
              },
            }
          : { status: 201, body: run({ status: "queued", step: 0, history: [] }) },
      "GET /api/loop/runs/7/": { body: run({ status: "queued", step: 0, history: [] }) },
    });
    const { user } = renderApp("/training");

    const steps = await screen.findByLabelText("Steps");
    await user.clear(steps);
    await user.type(steps, "-1");
    await user.click(screen.getByRole("button", { name: "Start run" }));
    expect(await screen.findByText("max_steps: Give a whole number.")).toBeInTheDocument();

    await user.clear(steps);
    await user.type(steps, "10");
    await user.click(screen.getByRole("checkbox", { name: "Publish when it passes the gates" }));
    await user.click(screen.getByRole("button", { name: "Start run" }));
    expect(await screen.findByRole("heading", { name: "Run #7: dpo on debater" })).toBeInTheDocument();
    expect(http.calls("POST /api/loop/runs/")[1]?.body).toEqual({
      line: "debater",
      recipe: "dpo",
      base_version: null,
      dataset_recipe: { kinds: ["preference"], format: "preference" },
      config: { max_steps: 10 },
      auto_publish: true,
    });
  });

  it("offers base versions by line and number, and sends the chosen one's id", async () => {
    const http = stubApi({
      "GET /api/auth/me/": { body: users.admin },
      "GET /api/registry/lines/": { body: lines },
      "GET /api/loop/runs/": { body: page([]) },
      "GET /api/registry/lines/debater/versions/": {
        body: page([version({ id: 20, number: 2 }), version({ id: 1, number: 1, status: "published" })]),
      },
      "POST /api/loop/runs/": { status: 201, body: run({ status: "queued" }) },
      "GET /api/loop/runs/7/": { body: run({ status: "queued" }) },
    });
    const { user } = renderApp("/training");

    const base = await screen.findByLabelText("Base version");
    expect(await within(base).findByRole("option", { name: "debater v2 (draft)" })).toBeInTheDocument();
    expect(within(base).getByRole("option", { name: "The published one" })).toBeInTheDocument();
    await user.selectOptions(base, "debater v2 (draft)");
    await user.click(screen.getByRole("button", { name: "Start run" }));
    await waitFor(() => expect(http.calls("POST /api/loop/runs/")).toHaveLength(1));
    expect(http.calls("POST /api/loop/runs/")[0]?.body).toMatchObject({ base_version: 20 });
  });

  it("does not offer researchers the start form", async () => {
    stubApi({
      "GET /api/auth/me/": { body: users.researcher },
      "GET /api/registry/lines/": { body: lines },
      "GET /api/loop/runs/": { body: page([run()]) },
    });
    renderApp("/training");
    expect(await screen.findByRole("link", { name: "#7" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Start run" })).not.toBeInTheDocument();
  });

  it("follows a run live and then shows its evaluation", async () => {
    let current = run();
    stubApi({
      "GET /api/auth/me/": { body: users.admin },
      "GET /api/loop/runs/7/": () => ({ body: current }),
      "GET /api/loop/versions/20/": {
        body: { version: version(), lineage: [version(), version({ id: 1, number: 1 })], decisions: [], run: null, snapshot: null },
      },
    });
    renderApp("/training/runs/7");

    expect(await screen.findByText(/step 2 \/ 10/)).toBeInTheDocument();
    expect(screen.getByRole("img", { name: "Training loss from 0.690 to 0.600 over 2 steps" })).toBeInTheDocument();
    const socket = await FakeWebSocket.opened();
    act(() => socket.acceptConnection());
    expect(socket.sent).toEqual([{ action: "subscribe", group: "run:7" }]);

    // The worker writes the run's row only every half second: the steps streamed in between
    // reach the page from the events alone, while the row still says step 2.
    const progress = (step: number, loss: number) =>
      socket.emit({ type: "run.progress", group: "run:7", payload: { id: 7, step, total_steps: 10, loss, eta_s: 4 } });
    act(() => {
      progress(3, 0.5);
      progress(4, 0.45);
      progress(5, 0.4);
    });
    expect(await screen.findByText(/step 5 \/ 10/)).toBeInTheDocument();
    expect(screen.getByRole("img", { name: "Training loss from 0.690 to 0.400 over 5 steps" })).toBeInTheDocument();
    // A step older than the one shown (an event overtaken by a refetch) does not move the bar back.
    act(() => progress(4, 0.45));
    expect(screen.getByText(/step 5 \/ 10/)).toBeInTheDocument();

    current = run({ status: "done", step: 10, version: 20, version_number: 2, timings: { snapshot_s: 0.2, training_s: 3.5, evaluation_s: 1.25, publish_s: 0 } });
    act(() => socket.emit({ type: "run.completed", group: "run:7", payload: { id: 7, status: "done", version: 20 } }));
    const evaluation = await screen.findByRole("table", { name: "Evaluation" });
    expect(within(evaluation).getByRole("row", { name: /Held-out preference accuracy/ })).toHaveTextContent("75.0%");
    expect(within(evaluation).getByRole("row", { name: /LLMBar Natural/ })).toHaveTextContent("50.0%");
    expect(within(evaluation).getByRole("row", { name: /Hazard rate/ })).toHaveTextContent("—");
    expect(screen.getByText("3.5 s")).toBeInTheDocument();
    expect(screen.getByText("Lineage: v2 ← v1")).toBeInTheDocument();
  });

  it("shows the failed gates and publishes with a written override", async () => {
    const http = stubApi({
      "GET /api/auth/me/": { body: users.admin },
      "GET /api/loop/runs/7/": { body: run({ status: "done", version: 20, version_number: 2 }) },
      "GET /api/loop/versions/20/": {
        body: { version: version(), lineage: [version()], decisions: [], run: null, snapshot: null },
      },
      "POST /api/loop/versions/20/publish/": (request) =>
        (request.body as { override_reason: string }).override_reason
          ? { body: version({ status: "published", published_at: "2026-01-02T00:00:00Z" }) }
          : {
              status: 400,
              body: {
                detail: "Invalid input: see the field messages.",
                code: "invalid",
                fields: { gates: ["llmbar.overall is 0.450, below the required 0.6."], override_reason: ["Give a reason to override."] },
              },
            },
    });
    const { user } = renderApp("/training/runs/7");

    await user.click(await screen.findByRole("button", { name: "Publish version 2" }));
    expect(await screen.findByText("llmbar.overall is 0.450, below the required 0.6.")).toBeInTheDocument();
    await user.type(screen.getByLabelText(/Override reason/), "Accepted for the demo.");
    await user.click(screen.getByRole("button", { name: "Publish version 2" }));
    await waitFor(() => expect(http.calls("POST /api/loop/versions/20/publish/")).toHaveLength(2));
    expect(http.calls("POST /api/loop/versions/20/publish/")[1]?.body).toEqual({
      override_reason: "Accepted for the demo.",
    });
  });

  it("starts an alternating round with its conformity snapshot and schedule", async () => {
    const http = stubApi({
      "GET /api/auth/me/": { body: users.admin },
      "GET /api/registry/lines/": { body: lines },
      "GET /api/loop/runs/": { body: page([]) },
      "POST /api/loop/runs/": { status: 201, body: run({ recipe: "alternating", status: "queued" }) },
      "GET /api/loop/runs/7/": { body: run({ recipe: "alternating", status: "queued" }) },
    });
    const { user } = renderApp("/training");

    await user.selectOptions(await screen.findByLabelText("Recipe"), "alternating");
    await user.type(screen.getByLabelText("Conformity snapshot id (preference pairs)"), "4");
    const schedule = screen.getByLabelText("Difficulty schedule (share of pairs per round)");
    await user.clear(schedule);
    await user.type(schedule, "0.25, 1");
    const steps = screen.getByLabelText("Steps");
    await user.clear(steps);
    await user.type(steps, "5");
    await user.click(screen.getByRole("checkbox", { name: "Condition examples on the current constitution" }));
    await user.click(screen.getByRole("button", { name: "Start run" }));
    await waitFor(() => expect(http.calls("POST /api/loop/runs/")).toHaveLength(1));
    expect(http.calls("POST /api/loop/runs/")[0]?.body).toEqual({
      line: "debater",
      recipe: "alternating",
      base_version: null,
      dataset_recipe: { kinds: ["preference"], format: "sft", condition_on_constitution: true },
      config: { competence_steps: 5, conformity_steps: 5, conformity_snapshot: 4, difficulty_schedule: [0.25, 1] },
      auto_publish: false,
    });
  });

  it("starts weak-to-strong with the labelling version and label noise", async () => {
    const http = stubApi({
      "GET /api/auth/me/": { body: users.admin },
      "GET /api/registry/lines/": { body: lines },
      "GET /api/loop/runs/": { body: page([]) },
      "POST /api/loop/runs/": { status: 201, body: run({ recipe: "weak_to_strong", status: "queued" }) },
      "GET /api/loop/runs/7/": { body: run({ recipe: "weak_to_strong", status: "queued" }) },
      "GET /api/registry/lines/debater/versions/": {
        body: page([version({ id: 2, number: 1, status: "published" })]),
      },
    });
    const { user } = renderApp("/training");

    await user.selectOptions(await screen.findByLabelText("Recipe"), "weak_to_strong");
    const weak = screen.getByLabelText("Weak (labelling) version");
    await within(weak).findByRole("option", { name: "debater v1 (published)" });
    await user.selectOptions(weak, "debater v1 (published)");
    const noise = screen.getByLabelText("Label noise (share flipped, 0 to 1)");
    await user.clear(noise);
    await user.type(noise, "0.1");
    await user.click(screen.getByRole("checkbox", { name: /Binary QA items/ }));
    await user.click(screen.getByRole("button", { name: "Start run" }));
    await waitFor(() => expect(http.calls("POST /api/loop/runs/")).toHaveLength(1));
    expect(http.calls("POST /api/loop/runs/")[0]?.body).toMatchObject({
      recipe: "weak_to_strong",
      dataset_recipe: { kinds: ["preference"], format: "binary_qa" },
      config: { max_steps: 50, weak_version: 2, label_noise: 0.1 },
    });
  });

  it("shows the devices and lets an admin cancel a stuck run with a reason", async () => {
    let current = run({ devices: 2 });
    const http = stubApi({
      "GET /api/auth/me/": { body: users.admin },
      "GET /api/loop/runs/7/": () => ({ body: current }),
      "POST /api/loop/runs/7/cancel/": (request) => {
        if (!(request.body as { reason: string }).reason) {
          return {
            status: 400,
            body: { detail: "Invalid input: see the field messages.", code: "invalid", fields: { reason: ["Say why the run is cancelled."] } },
          };
        }
        current = run({ status: "cancelled", cancelled_by: "ada", cancel_reason: "worker died" });
        return { body: current };
      },
    });
    const { user } = renderApp("/training/runs/7");

    expect(await screen.findByText("Trained on 2 devices")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Cancel run" }));
    expect(await screen.findByText("Say why the run is cancelled.")).toBeInTheDocument();
    await user.type(screen.getByLabelText(/Reason for cancelling/), "worker died");
    await user.click(screen.getByRole("button", { name: "Cancel run" }));
    expect(await screen.findByText("Cancelled by ada: worker died")).toBeInTheDocument();
    expect(http.calls("POST /api/loop/runs/7/cancel/")[1]?.body).toEqual({ reason: "worker died" });
    expect(screen.queryByRole("button", { name: "Cancel run" })).not.toBeInTheDocument();
  });

  it("shows a run waiting for its snapshot and follows it once the snapshot is built", async () => {
    let current = run({ status: "waiting", snapshot_hash: "", step: 0, history: [], devices: null, timings: {} });
    stubApi({
      "GET /api/auth/me/": { body: users.admin },
      "GET /api/loop/runs/7/": () => ({ body: current }),
    });
    renderApp("/training/runs/7");

    expect(await screen.findByText(/Building its dataset snapshot/)).toBeInTheDocument();
    expect(screen.getByText(/#3 \(building\)/)).toBeInTheDocument();
    // A waiting run is live: its group says when the snapshot is built.
    const socket = await FakeWebSocket.opened();
    act(() => socket.acceptConnection());
    expect(socket.sent).toEqual([{ action: "subscribe", group: "run:7" }]);
    current = run({ status: "queued", step: 0, history: [], devices: null });
    act(() => socket.emit({ type: "run.snapshot", group: "run:7", payload: { id: 7, snapshot: 3, status: "ready" } }));
    expect(await screen.findByText("0123456789ab")).toBeInTheDocument();
    expect(screen.queryByText(/Building its dataset snapshot/)).not.toBeInTheDocument();
  });

  it("does not offer researchers the cancel form", async () => {
    stubApi({
      "GET /api/auth/me/": { body: users.researcher },
      "GET /api/loop/runs/7/": { body: run() },
    });
    renderApp("/training/runs/7");
    expect(await screen.findByText("Trained on 1 device")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Cancel run" })).not.toBeInTheDocument();
  });
});
