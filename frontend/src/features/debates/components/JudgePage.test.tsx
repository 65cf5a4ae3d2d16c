import { act, fireEvent, screen } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "vitest";
import { FakeWebSocket } from "../../../test/fakeWebSocket";
import { stubApi, users } from "../../../test/http";
import { renderApp } from "../../../test/renderApp";

const assignment = {
  id: 7,
  status: "open",
  skip_reason: "",
  debate: {
    id: 3,
    protocol: "debate",
    rounds: 1,
    max_rounds: 2,
    interactive: true,
    word_limit: 100,
    speaking_order: "sequential",
    status: "running",
    origin: "native",
    question: { text: "Why did Mara stay?", options: ["To keep the lamp lit", "She feared boats"], passage_title: "The Keeper" },
    debaters: [
      { slot: "A", answer_index: 1 },
      { slot: "B", answer_index: 0 },
    ],
  },
  turns: [
    {
      id: 1, position: 0, round: 0, kind: "speech", slot: "A", speaker_name: "Debater A",
      text: "She said <quote>I hate the sea</quote>.", quotes: [{ text: "I hate the sea", verified: false }],
      probabilities: null,
    },
  ],
  outcome: null,
};

const committed = {
  ...assignment,
  status: "committed",
  outcome: {
    correct_index: 0,
    probabilities: [0.3, 0.7],
    rationale: "",
    correct: false,
    score: -1.737,
    debaters: [
      { slot: "A", answer_index: 1, role: "sneaky" },
      { slot: "B", answer_index: 0, role: "helpful" },
    ],
  },
};

describe("judging a debate", () => {
  beforeEach(() => FakeWebSocket.reset());

  it("streams speeches live, takes a verdict, and only then shows the truth", async () => {
    const http = stubApi({
      "GET /api/auth/me/": { body: users.rater },
      "POST /api/debates/assignments/next/": { body: assignment },
      "GET /api/debates/assignments/7/": { body: assignment },
      "POST /api/debates/assignments/7/judgement/": { status: 201, body: committed },
    });
    const { user } = renderApp("/debates/judge");

    expect(await screen.findByRole("heading", { name: "Why did Mara stay?" })).toBeInTheDocument();
    expect(screen.getByText("[unverified quote]")).toBeInTheDocument();
    expect(screen.queryByText(/correct answer/i)).not.toBeInTheDocument();

    const socket = FakeWebSocket.latest();
    act(() => socket.acceptConnection());
    expect(socket.sent).toContainEqual({ action: "subscribe", group: "debate:3" });
    act(() =>
      socket.emit({ type: "debate.turn.delta", group: "debate:3", payload: { debate: 3, round: 0, slot: "B", text: "The lamp" } }),
    );
    expect(await screen.findByText("The lamp")).toBeInTheDocument();

    // jsdom does not move range inputs with arrow keys (browsers do: tests/debates/test_browser.py).
    const slider = screen.getByLabelText("Probability that answer A is correct");
    fireEvent.change(slider, { target: { value: "30" } });
    slider.focus();
    expect(screen.getByText("A: 30% · B: 70%")).toBeInTheDocument();
    await user.tab(); // rationale
    await user.keyboard("Quotes looked made up");
    await user.tab();
    await user.keyboard("{Enter}");

    expect(await screen.findByText(/You were wrong/)).toBeInTheDocument();
    expect(http.calls("POST /api/debates/assignments/7/judgement/")[0]?.body).toEqual({
      probabilities: [0.3, 0.7],
      rationale: "Quotes looked made up",
    });
    expect(screen.getByText(/Debater B argued A and was honest/)).toBeInTheDocument();
    expect(screen.getByText("-1.74")).toBeInTheDocument();
  });

  it("says so when there is nothing to judge", async () => {
    stubApi({
      "GET /api/auth/me/": { body: users.rater },
      "POST /api/debates/assignments/next/": { status: 204 },
    });
    renderApp("/debates/judge");
    expect(await screen.findByText(/no debate for you to judge/)).toBeInTheDocument();
  });
});
