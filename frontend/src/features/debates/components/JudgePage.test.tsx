import { act, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
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
      probabilities: null, untrained_model: false,
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

    const socket = await FakeWebSocket.opened();
    act(() => socket.acceptConnection());
    expect(socket.sent).toContainEqual({ action: "subscribe", group: "debate:3" });
    act(() =>
      socket.emit({ type: "debate.turn.delta", group: "debate:3", payload: { debate: 3, round: 0, slot: "B", text: "The lamp" } }),
    );
    expect(await screen.findByText("The lamp")).toBeInTheDocument();

    const slider = screen.getByRole("slider", { name: "Probability that answer A is correct" });
    slider.focus();
    await user.keyboard("{ArrowLeft>20/}");
    expect(slider).toHaveAttribute("aria-valuenow", "30");
    expect(screen.getByText("A: 30% · B: 70%")).toBeInTheDocument();
    await user.tab(); // rationale
    await user.keyboard("Quotes looked made up");
    await user.tab();
    await user.keyboard("{Enter}");

    expect(await screen.findByText(/You were wrong/)).toBeInTheDocument();
    expect(http.calls("POST /api/debates/assignments/7/judgement/")[0]?.body).toEqual({
      probabilities: [0.3, 0.7],
      rationale: "Quotes looked made up",
      dwell_ms: expect.any(Number),
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

  it("letters each answer once, heads each round once, and counts the rounds written", async () => {
    const speech = (id: number, round: number, slot: string, text: string) => ({
      id, position: id, round, kind: "speech", slot, speaker_name: `Debater ${slot}`, text, quotes: [],
      probabilities: null, untrained_model: false,
    });
    // An imported consultancy planned for more rounds than its transcript holds.
    const consultancy = {
      ...assignment,
      debate: { ...assignment.debate, protocol: "consultancy", rounds: 5, status: "ready", interactive: false,
        debaters: [{ slot: "A", answer_index: 0 }] },
      turns: [0, 1, 2, 3].map((round) => speech(round + 1, round, "A", `Argument ${round + 1}`)),
    };
    stubApi({
      "GET /api/auth/me/": { body: users.rater },
      "POST /api/debates/assignments/next/": { body: consultancy },
      "GET /api/debates/assignments/7/": { body: consultancy },
    });
    renderApp("/debates/judge");

    await screen.findByText("Argument 4");
    const answers = screen.getAllByRole("listitem").filter((li) => li.textContent?.includes("To keep the lamp lit"));
    expect(answers[0]?.textContent).toMatch(/^A\. To keep the lamp lit/);
    expect(answers[0]?.closest("ol")).toBeNull(); // no list marker on top of the letter
    expect(screen.getByText(/Consultancy, 4 rounds\./)).toBeInTheDocument();
    expect(screen.getAllByRole("heading", { level: 3 }).map((h) => h.textContent)).toEqual([
      "Round 1", "Round 2", "Round 3", "Round 4",
    ]);
    expect(screen.getAllByRole("heading", { level: 4, name: "Debater A" })).toHaveLength(4);
  });

  it("marks speeches of the untrained demo model", async () => {
    const tiny = { ...assignment, turns: [{ ...assignment.turns[0], untrained_model: true }] };
    stubApi({
      "GET /api/auth/me/": { body: users.rater },
      "POST /api/debates/assignments/next/": { body: tiny },
      "GET /api/debates/assignments/7/": { body: tiny },
    });
    renderApp("/debates/judge");
    expect(await screen.findByText("Untrained demo model: random text")).toBeInTheDocument();
  });

  describe("from the keyboard", () => {
    const judged = () =>
      stubApi({
        "GET /api/auth/me/": { body: users.rater },
        "POST /api/debates/assignments/next/": { body: assignment },
        "GET /api/debates/assignments/7/": { body: assignment },
        "POST /api/debates/assignments/7/judgement/": { status: 201, body: committed },
      });
    const shares = () => screen.getByText(/^A: \d+% · B: \d+%$/);

    it("sets, nudges, writes and commits a verdict with keys that keep working after clicks", async () => {
      const http = judged();
      const { user } = renderApp("/debates/judge");
      const slider = await screen.findByRole("slider", { name: "Probability that answer A is correct" });

      await user.keyboard("7");
      expect(shares()).toHaveTextContent("A: 70% · B: 30%");
      expect(slider).toHaveAttribute("aria-valuenow", "70");
      await user.keyboard("]]");
      expect(shares()).toHaveTextContent("A: 80% · B: 20%");

      // A click elsewhere moves the focus (to the slider, to a button): the keys still work.
      await user.click(slider);
      await user.keyboard("2");
      expect(shares()).toHaveTextContent("A: 20% · B: 80%");
      await user.keyboard("[["); // "[[" types one "[" (user-event escapes it)
      expect(shares()).toHaveTextContent("A: 15% · B: 85%");
      await user.click(screen.getByRole("button", { name: "Keyboard shortcuts (?)" }));
      const dialog = await screen.findByRole("dialog", { name: "Keyboard shortcuts" });
      await user.click(within(dialog).getByRole("button", { name: "Close (Esc)" }));
      await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
      await user.keyboard("]");
      expect(shares()).toHaveTextContent("A: 20% · B: 80%");

      // "r" goes to the rationale without typing itself there; digits typed there are text.
      await user.keyboard("r");
      const rationale = screen.getByLabelText("Why (optional)");
      expect(rationale).toHaveFocus();
      await user.keyboard("Only 1 quote");
      expect(rationale).toHaveValue("Only 1 quote");
      expect(shares()).toHaveTextContent("A: 20% · B: 80%");

      await user.keyboard("{Control>}{Enter}{/Control}");
      expect(await screen.findByText(/You were wrong/)).toBeInTheDocument();
      expect(http.calls("POST /api/debates/assignments/7/judgement/")[0]?.body).toEqual({
        probabilities: [0.2, 0.8],
        rationale: "Only 1 quote",
        dwell_ms: expect.any(Number),
      });
    });

    it("keeps A between 1% and 99%", async () => {
      judged();
      const { user } = renderApp("/debates/judge");
      await screen.findByRole("slider", { name: "Probability that answer A is correct" });
      await user.keyboard("9]]]");
      expect(shares()).toHaveTextContent("A: 99% · B: 1%");
      await user.keyboard("1[[[[[[");
      expect(shares()).toHaveTextContent("A: 1% · B: 99%");
    });

    it("lists the shortcuts on ? and closes the list on ? again, leaving the verdict alone meanwhile", async () => {
      judged();
      const { user } = renderApp("/debates/judge");
      await screen.findByRole("slider", { name: "Probability that answer A is correct" });
      expect(screen.getByText(/Keys: 1–9 put A at 10%–90%/)).toBeInTheDocument();

      await user.keyboard("?");
      const dialog = await screen.findByRole("dialog", { name: "Keyboard shortcuts" });
      expect(within(dialog).getByRole("row", { name: /Ctrl\+Enter Commit the judgement/ })).toBeInTheDocument();
      expect(within(dialog).getByRole("row", { name: /\[ Lower answer A by 5 points/ })).toBeInTheDocument();
      await user.keyboard("8");
      expect(shares()).toHaveTextContent("A: 50% · B: 50%");
      await user.keyboard("?");
      await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
      await user.keyboard("8");
      expect(shares()).toHaveTextContent("A: 80% · B: 20%");
    });

    it("leaves Ctrl+Enter in the skip reason to the skip form", async () => {
      const http = judged();
      const { user } = renderApp("/debates/judge");
      await user.type(await screen.findByLabelText("Reason for skipping"), "Too long{Control>}{Enter}{/Control}");
      expect(http.calls("POST /api/debates/assignments/7/judgement/")).toHaveLength(0);
    });
  });

  describe("the rationale draft", () => {
    afterEach(() => vi.restoreAllMocks());

    it("is kept when the judge leaves the page, after asking", async () => {
      const confirm = vi.spyOn(window, "confirm").mockReturnValue(true);
      stubApi({
        "GET /api/auth/me/": { body: users.rater },
        "POST /api/debates/assignments/next/": { body: assignment },
        "GET /api/debates/assignments/7/": { body: assignment },
        "GET /api/work/": { body: { results: [] } },
      });
      const { user, router } = renderApp("/debates/judge");
      await user.type(await screen.findByLabelText("Why (optional)"), "B quoted nothing");

      await act(() => router.navigate("/"));
      expect(confirm).toHaveBeenCalledTimes(1);
      expect(await screen.findByText("No work is waiting for you right now.")).toBeInTheDocument();
      await act(() => router.navigate("/debates/judge"));
      expect(await screen.findByLabelText("Why (optional)")).toHaveValue("B quoted nothing");
    });
  });
});
