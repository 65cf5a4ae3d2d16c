import { act, screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "vitest";
import { FakeWebSocket } from "../../../test/fakeWebSocket";
import { stubApi, users } from "../../../test/http";
import { renderApp } from "../../../test/renderApp";

const report = {
  summary: "1 version(s) trained by SFT at 2 label-noise levels.",
  tables: [
    {
      title: "Accuracy by label noise",
      columns: ["Noise", "judge:1 train", "judge:1 test"],
      rows: [
        [0, 0.75, 0.5],
        [1, 0.875, null],
      ],
    },
  ],
  plots: [
    {
      title: "Test accuracy by label noise (Tables 5-6)",
      kind: "line",
      x_label: "Share of training labels flipped",
      y_label: "Test accuracy",
      series: [{ name: "judge:1", points: [{ x: 0, y: 0.5 }, { x: 1, y: 0.25 }] }],
    },
    {
      title: "LLMBar section scores (Figure 6)",
      kind: "bar",
      x_label: "Section",
      y_label: "Score",
      series: [
        { name: "Strong base", points: [{ x: "Natural", y: 0.6 }, { x: "overall", y: 0.55 }] },
        { name: "Weak-to-strong", points: [{ x: "Natural", y: 0.7 }, { x: "overall", y: 0.65 }] },
      ],
    },
  ],
  data: {},
};

const study = (fields: Record<string, unknown> = {}) => ({
  id: 5,
  kind: "label_noise",
  status: "done",
  step_index: 6,
  steps_total: 7,
  step: "score judge:1 noise 1",
  message: "Report ready",
  error: "",
  created_by: "rosa",
  created_at: "2026-01-01T00:00:00Z",
  started_at: "2026-01-01T00:00:01Z",
  finished_at: "2026-01-01T00:05:00Z",
  params: { noise_levels: [0, 1] },
  steps: ["import", "baseline judge:1", "train judge:1 noise 0", "score judge:1 noise 0"],
  waiting: {},
  code_version: "abc123",
  report,
  runs: [11, 12],
  snapshots: [{ id: 3, content_hash: "0123456789abcdef", status: "ready" }],
  versions: [{ id: 20, name: "judge v2" }],
  ...fields,
});

const kinds = [
  {
    name: "label_noise",
    title: "Label-noise sensitivity",
    description: "Flip labels, train, measure.",
    params: [
      { name: "noise_levels", type: "list", items: "number", choices: null, nullable: false, required: false, default: [0, 0.5, 1], help: "Shares of the training labels flipped." },
      { name: "items", type: "integer", items: null, choices: null, nullable: false, required: false, default: 16, help: "Questions to train on." },
      { name: "max_chars", type: "integer", items: null, choices: null, nullable: true, required: false, default: null, help: "Longest row." },
    ],
  },
];

describe("studies", () => {
  beforeEach(() => FakeWebSocket.reset());

  it("shows the report: summary, tables, plots, downloads and a print button", async () => {
    stubApi({ "GET /api/auth/me/": { body: users.researcher }, "GET /api/studies/5/": { body: study() } });
    renderApp("/studies/5");

    expect(await screen.findByText(report.summary)).toBeInTheDocument();
    const table = screen.getByRole("table", { name: "Accuracy by label noise" });
    const rows = within(table).getAllByRole("row").map((row) => row.textContent);
    expect(rows).toEqual(["Noisejudge:1 trainjudge:1 test", "00.7500.500", "10.875—"]);

    const figure = screen.getByRole("figure", { name: "Test accuracy by label noise (Tables 5-6)" });
    await waitFor(() => expect(figure.querySelector("svg[aria-label]")).not.toBeNull());
    // Plot's own <style> stays: PlotChart gives it the page's Content-Security-Policy nonce.
    expect(figure.querySelector("svg[aria-label] style")).not.toBeNull();
    expect(within(figure).getByRole("list", { name: /Series of/ })).toHaveTextContent("judge:1");
    const bars = screen.getByRole("figure", { name: "LLMBar section scores (Figure 6)" });
    await waitFor(() => expect(bars.querySelectorAll("svg[aria-label] rect")).toHaveLength(4));

    expect(screen.getByRole("link", { name: "Download CSV" })).toHaveAttribute(
      "href",
      "/api/studies/5/download/?file_format=csv",
    );
    expect(screen.getByRole("link", { name: "Download JSON" })).toHaveAttribute(
      "href",
      "/api/studies/5/download/?file_format=json",
    );
    expect(screen.getByRole("button", { name: "Print summary" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "#11" })).toHaveAttribute("href", "/training/runs/11");
  });

  it("follows a running study live and shows its report when it ends", async () => {
    let current = study({ status: "waiting", step_index: 2, report: null, waiting: { reason: "Training judge:1 noise 0 (run #11)" } });
    stubApi({ "GET /api/auth/me/": { body: users.researcher }, "GET /api/studies/5/": () => ({ body: current }) });
    renderApp("/studies/5");

    expect(await screen.findByText(/Training judge:1 noise 0 \(run #11\)/)).toBeInTheDocument();
    const socket = await FakeWebSocket.opened();
    act(() => socket.acceptConnection());
    expect(socket.sent).toContainEqual({ action: "subscribe", group: "study:5" });

    current = study();
    act(() => socket.emit({ type: "study.completed", group: "study:5", payload: { id: 5, status: "done" } }));
    expect(await screen.findByText(report.summary)).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Cancel study" })).not.toBeInTheDocument();
  });

  it("starts a study from the form its kind's parameters generate, with field errors", async () => {
    const http = stubApi({
      "GET /api/auth/me/": { body: users.researcher },
      "GET /api/studies/": { body: { count: 0, next: null, previous: null, results: [] } },
      "GET /api/studies/kinds/": { body: kinds },
      "POST /api/studies/": (request) =>
        (request.body as { params: { items: unknown } }).params.items === 0
          ? { status: 400, body: { detail: "Invalid input: see the field messages.", code: "invalid", fields: { items: ["Give at least one question."] } } }
          : { status: 201, body: study({ id: 9, status: "queued", report: null }) },
      "GET /api/studies/9/": { body: study({ id: 9, status: "queued", report: null }) },
    });
    const { user } = renderApp("/studies");

    const levels = await screen.findByLabelText("noise levels");
    expect(levels).toHaveValue("0, 0.5, 1");
    await user.clear(levels);
    await user.type(levels, "0, 0.25");
    const items = screen.getByLabelText("items");
    await user.clear(items);
    await user.type(items, "0");
    await user.click(screen.getByRole("button", { name: "Start study" }));

    expect(await screen.findByText("Give at least one question.")).toBeInTheDocument();
    expect(http.calls("POST /api/studies/")[0]?.body).toEqual({
      kind: "label_noise",
      params: { noise_levels: [0, 0.25], items: 0, max_chars: null },
    });

    await user.clear(items);
    await user.type(items, "8");
    await user.click(screen.getByRole("button", { name: "Start study" }));
    expect(await screen.findByRole("heading", { name: "Study #9: label_noise" })).toBeInTheDocument();
  });
});
