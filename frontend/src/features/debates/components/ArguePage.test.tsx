import { act, screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "vitest";
import { FakeWebSocket } from "../../../test/fakeWebSocket";
import { nodeMultipart, stubApi, users } from "../../../test/http";
import { renderApp } from "../../../test/renderApp";

const STORY = "The storm broke the mast. No one else knew how to wind the lamp.";
const opening = {
  id: 1, position: 0, round: 0, kind: "speech", slot: "A", speaker_name: "Debater A",
  text: "She feared boats.", quotes: [], probabilities: null,
};
const seat = {
  id: 5,
  slot: "B",
  answer_index: 0,
  your_turn: true,
  round: 0,
  debate: {
    id: 3, protocol: "debate", rounds: 1, word_limit: 8, speaking_order: "sequential", status: "running",
    question: { text: "Why did Mara stay?", options: ["To wind the lamp", "She feared boats"], passage: STORY, passage_title: "The Keeper" },
  },
  turns: [opening],
};
const mine = {
  id: 2, position: 1, round: 0, kind: "speech", slot: "B", speaker_name: "Debater B",
  text: "<quote>No one else knew how</quote>", quotes: [{ text: "No one else knew how", verified: true }], probabilities: null,
};
const page = (results: unknown[]) => ({ count: results.length, next: null, previous: null, results });

describe("arguing a debate as a person", () => {
  beforeEach(() => FakeWebSocket.reset());

  it("lists the debater's debates and whose turn it is", async () => {
    stubApi({
      "GET /api/auth/me/": { body: users.rater },
      "GET /api/debates/seats/": { body: page([seat]) },
    });
    renderApp("/debates/argue");
    const link = await screen.findByRole("link", { name: "#3 Why did Mara stay?" });
    expect(link).toHaveAttribute("href", "/debates/argue/5");
    expect(screen.getByText("(your turn)")).toBeInTheDocument();
  });

  it("shows the side, streams the transcript, checks words and quotes, and submits the turn", async () => {
    let done = false;
    const http = stubApi({
      "GET /api/auth/me/": { body: users.rater },
      "GET /api/debates/seats/5/": () => ({
        body: done ? { ...seat, your_turn: false, round: null, debate: { ...seat.debate, status: "ready" }, turns: [opening, mine] } : seat,
      }),
      "POST /api/debates/3/turns/": () => {
        done = true;
        return { status: 201, body: mine };
      },
    });
    const { user } = renderApp("/debates/argue/5");

    expect(await screen.findByRole("heading", { name: "Argue: Why did Mara stay?" })).toBeInTheDocument();
    expect(screen.getByRole("note")).toHaveTextContent("You are Debater B and defend answer A: To wind the lamp");
    expect(screen.getByText("She feared boats.")).toBeInTheDocument();

    const socket = await FakeWebSocket.opened();
    act(() => socket.acceptConnection());
    expect(socket.sent).toContainEqual({ action: "subscribe", group: "debate:3" });
    act(() =>
      socket.emit({ type: "debate.turn.delta", group: "debate:3", payload: { debate: 3, round: 0, slot: "A", text: "Also the sea" } }),
    );
    expect(await screen.findByText("Also the sea")).toBeInTheDocument();

    const box = screen.getByLabelText("Your argument");
    await user.type(box, "one two three four five six seven eight nine");
    expect(screen.getByText("9 / 8 words: keep to 8 words.")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Submit speech" })).toBeDisabled();

    await user.clear(box);
    await user.type(box, "No one else knew how");
    (box as HTMLTextAreaElement).setSelectionRange(0, 20);
    await user.click(screen.getByRole("button", { name: "Mark selection as quote" }));
    expect(box).toHaveValue("<quote>No one else knew how</quote>");
    expect(screen.getByText(/found in the story/)).toHaveTextContent("“No one else knew how”: found in the story");
    expect(screen.getByText("5 / 8 words")).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Submit speech" }));
    expect(await screen.findByText(/All rounds are written/)).toBeInTheDocument();
    expect(http.calls("POST /api/debates/3/turns/")[0]?.body).toEqual({ text: "<quote>No one else knew how</quote>" });
    expect(screen.getByText("[verified quote]")).toBeInTheDocument();
  });

  it("submits with Ctrl+Enter from the argument box and lists the keys on ?", async () => {
    const http = stubApi({
      "GET /api/auth/me/": { body: users.rater },
      "GET /api/debates/seats/5/": { body: seat },
      "POST /api/debates/3/turns/": { status: 201, body: mine },
    });
    const { user } = renderApp("/debates/argue/5");
    const box = await screen.findByLabelText("Your argument");

    // "?" typed into the argument is text; outside it (after a click on a button) it is the help.
    await user.type(box, "Why? ");
    expect(box).toHaveValue("Why? ");
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Mark selection as quote" }));
    await user.keyboard("?");
    const dialog = await screen.findByRole("dialog", { name: "Keyboard shortcuts" });
    expect(within(dialog).getByRole("row", { name: /Ctrl\+Enter Submit the speech/ })).toBeInTheDocument();
    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());

    await user.click(box);
    await user.keyboard("The lamp{Control>}{Enter}{/Control}");
    await waitFor(() => expect(http.calls("POST /api/debates/3/turns/")).toHaveLength(1));
    expect(http.calls("POST /api/debates/3/turns/")[0]?.body).toEqual({ text: "Why? The lamp" });
  });

  it("shows the server's reason when a speech is refused", async () => {
    stubApi({
      "GET /api/auth/me/": { body: users.rater },
      "GET /api/debates/seats/5/": { body: seat },
      "POST /api/debates/3/turns/": {
        status: 400,
        body: { detail: "Invalid input.", code: "invalid", fields: { text: ["It is not your turn to speak in this debate."] } },
      },
    });
    const { user } = renderApp("/debates/argue/5");
    await user.type(await screen.findByLabelText("Your argument"), "The lamp");
    await user.click(screen.getByRole("button", { name: "Submit speech" }));
    expect(await screen.findByText("It is not your turn to speak in this debate.")).toBeInTheDocument();
  });
});

describe("importing questions", () => {
  it("uploads a question file and lists a bad file's problems by line", async () => {
    let attempt = 0;
    const http = stubApi({
      "GET /api/auth/me/": { body: users.researcher },
      "GET /api/debates/": { body: page([]) },
      "GET /api/debates/questions/": { body: page([]) },
      "POST /api/debates/question-sets/": () =>
        ++attempt === 1
          ? { status: 201, body: { id: 1, name: "q.jsonl", source: "unit", split: "", questions: 2, created_at: "2026-01-01T00:00:00Z" } }
          : {
              status: 400,
              body: {
                detail: "Invalid input.",
                code: "invalid",
                fields: { "line 1": ["options: Ensure this field has at least 2 elements."], "line 3": ["Not a JSON object."] },
              },
            },
    });
    const { user } = renderApp("/debates");
    const NodeFile = await nodeMultipart();
    const content = '{"question": "Q?", "options": ["a", "b"], "correct": "A"}\n';
    await user.upload(await screen.findByLabelText("Question file (JSONL or CSV)"), new NodeFile([content], "q.jsonl"));
    await user.type(screen.getByLabelText("Dataset"), "unit");
    await user.click(screen.getByRole("button", { name: "Import" }));
    expect(await screen.findByText("Question set “q.jsonl”: 2 question(s).")).toBeInTheDocument();
    const sent = http.calls("POST /api/debates/question-sets/")[0];
    expect(sent?.headers.get("Content-Type")).toMatch(/^multipart\/form-data; boundary=/);
    expect(sent?.body).toEqual({ file: { name: "q.jsonl", text: content }, dataset: "unit", name: "", split: "" });

    await user.click(screen.getByRole("button", { name: "Import" }));
    expect(await screen.findByText("line 1: options: Ensure this field has at least 2 elements.")).toBeInTheDocument();
    expect(screen.getByText("line 3: Not a JSON object.")).toBeInTheDocument();
    expect(screen.getByText(/Nothing was imported/)).toBeInTheDocument();
  });
});
