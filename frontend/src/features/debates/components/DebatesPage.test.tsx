import { act, screen } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "vitest";
import { FakeWebSocket } from "../../../test/fakeWebSocket";
import { stubApi, users } from "../../../test/http";
import { renderApp } from "../../../test/renderApp";

const page = (results: unknown[]) => ({ count: results.length, next: null, previous: null, results });
const question = { id: 4, question_set: 1, key: "q", text: "Why did Mara stay?", options: ["Lamp", "Boats"], correct_index: 0, source: "demo", tags: [] };
const debate = {
  id: 9, protocol: "debate", rounds: 2, max_rounds: 2, interactive: false, word_limit: 60,
  speaking_order: "sequential", judges_wanted: 3, status: "running", origin: "native", condition: "",
  external_name: null, prompt_version: 1, created_at: "2026-01-01T00:00:00Z", question,
  debaters: [
    { slot: "A", answer_index: 1, debater: "debater v1/standard", strategy: "standard", external_name: "" },
    { slot: "B", answer_index: 0, debater: "debater v1/standard", strategy: "standard", external_name: "" },
  ],
  turns: [], judgements: [],
};

describe("researcher debate pages", () => {
  beforeEach(() => FakeWebSocket.reset());

  it("starts an AI debate with the published debater version", async () => {
    const http = stubApi({
      "GET /api/auth/me/": { body: users.researcher },
      "GET /api/debates/": { body: page([]) },
      "GET /api/debates/questions/": { body: page([question]) },
      "POST /api/debates/": { status: 201, body: debate },
    });
    const { user } = renderApp("/debates");
    await screen.findByRole("option", { name: "Why did Mara stay?" });
    await user.selectOptions(screen.getByLabelText("Question"), "4");
    await user.click(screen.getByRole("button", { name: "Start debate" }));
    expect(await screen.findByText("Debate #9 started.")).toBeInTheDocument();
    expect(http.calls("POST /api/debates/")[0]?.body).toEqual({
      question: 4,
      protocol: "debate",
      rounds: 2,
      speaking_order: "sequential",
      interactive: false,
      word_limit: 150,
      judges_wanted: 3,
      debaters: [
        { line: "debater", strategy: "standard" },
        { line: "debater", strategy: "standard" },
      ],
    });
  });

  it("watches a debate's speeches arrive live", async () => {
    stubApi({ "GET /api/auth/me/": { body: users.researcher }, "GET /api/debates/9/": { body: debate } });
    renderApp("/debates/9");
    expect(await screen.findByText("(correct)")).toBeInTheDocument();
    const socket = await FakeWebSocket.opened();
    act(() => socket.acceptConnection());
    act(() =>
      socket.emit({ type: "debate.turn.delta", group: "debate:9", payload: { debate: 9, round: 0, slot: "A", text: "Boats are" } }),
    );
    expect(await screen.findByText("Boats are")).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Round 1" })).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Debater A (writing…)" })).toBeInTheDocument();
  });
});
