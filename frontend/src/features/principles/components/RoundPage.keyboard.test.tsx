import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "vitest";
import { FakeWebSocket } from "../../../test/fakeWebSocket";
import { stubApi, users } from "../../../test/http";
import { renderApp } from "../../../test/renderApp";
import { proposal, round } from "./roundFixtures";

type Vote = "agree" | "disagree" | "pass" | null;

/** A rater's proposal (not the AI's) with the rater's own vote, if any. */
const ratersProposal = (id: number, key: string, myVote: Vote) =>
  proposal({
    id,
    principle_key: key,
    title: "",
    text: `Text of ${key}.`,
    rationale: "Because.",
    author: "rita",
    ai_authored: false,
    my_vote: myVote,
    tally: myVote ? { human: { agree: 1, disagree: 0, pass: 0 }, ai: {} } : null,
  });

/** An open round of two proposals whose vote endpoints record each choice. */
function openRound() {
  const votes: Record<number, Vote> = { 7: null, 8: null };
  const current = () =>
    round({
      proposals: [ratersProposal(7, "mutual-trust", votes[7] ?? null), ratersProposal(8, "honesty", votes[8] ?? null)],
    });
  const voteOn = (id: number) => (request: { body: unknown }) => {
    votes[id] = (request.body as { choice: Vote }).choice;
    return { body: current().proposals.find((p) => p.id === id) };
  };
  const http = stubApi({
    "GET /api/auth/me/": { body: users.rater },
    "GET /api/principles/rounds/3/": () => ({ body: current() }),
    "POST /api/principles/proposals/7/vote/": voteOn(7),
    "POST /api/principles/proposals/8/vote/": voteOn(8),
    "GET /api/principles/proposals/7/comments/": { body: [] },
    "GET /api/principles/proposals/8/comments/": { body: [] },
    "POST /api/principles/proposals/7/comments/": { status: 201, body: { id: 1, author: "rita", text: "Agreed." } },
  });
  const choices = (id: number) =>
    http.calls(`POST /api/principles/proposals/${id}/vote/`).map((r) => (r.body as { choice: Vote }).choice);
  return { http, choices };
}

describe("voting from the keyboard", () => {
  beforeEach(() => FakeWebSocket.reset());

  it("votes on the selected proposal with a, d and p, also after a click on another control", async () => {
    const { choices } = openRound();
    const { user } = renderApp("/principles/rounds/3");
    const first = await screen.findByRole("listitem", { name: "amend mutual-trust" });
    const second = screen.getByRole("listitem", { name: "amend honesty" });
    // Until the rater picks one, the keys act on the first proposal not voted on.
    expect(first).toHaveAttribute("aria-current", "true");

    await user.keyboard("a");
    await waitFor(() => expect(choices(7)).toEqual(["agree"]));
    expect(await within(first).findByRole("button", { name: "Agree" })).toHaveAttribute("aria-pressed", "true");

    // A click on the second card's button leaves the focus there: the keys follow it.
    await user.click(within(second).getByRole("button", { name: "Disagree" }));
    await waitFor(() => expect(choices(8)).toEqual(["disagree"]));
    expect(second).toHaveAttribute("aria-current", "true");
    await user.keyboard("p");
    await waitFor(() => expect(choices(8)).toEqual(["disagree", "pass"]));
    expect(choices(7)).toEqual(["agree"]);

    // k and j move the selection, and the focus with it.
    await user.keyboard("k");
    expect(first).toHaveAttribute("aria-current", "true");
    expect(first).toHaveFocus();
    await user.keyboard("d");
    await waitFor(() => expect(choices(7)).toEqual(["agree", "disagree"]));
    await user.keyboard("j");
    expect(second).toHaveFocus();
  });

  it("leaves letters typed into a text field alone", async () => {
    const { choices } = openRound();
    const { user } = renderApp("/principles/rounds/3");
    const form = await screen.findByRole("form", { name: "Propose a change" });
    await user.type(within(form).getByLabelText("Principle id"), "adp");
    expect(within(form).getByLabelText("Principle id")).toHaveValue("adp");
    expect(choices(7)).toEqual([]);
    expect(choices(8)).toEqual([]);
  });

  it("moves into the comment box with c and posts with Ctrl+Enter", async () => {
    const { http } = openRound();
    const { user } = renderApp("/principles/rounds/3");
    const first = await screen.findByRole("listitem", { name: "amend mutual-trust" });
    await user.keyboard("a");
    const box = await within(first).findByLabelText("Comment");
    await user.keyboard("c");
    expect(box).toHaveFocus();
    await user.keyboard("Agreed.");
    expect(box).toHaveValue("Agreed.");
    await user.keyboard("{Control>}{Enter}{/Control}");
    await waitFor(() =>
      expect(http.calls("POST /api/principles/proposals/7/comments/")[0]?.body).toMatchObject({ text: "Agreed." }),
    );
    await waitFor(() => expect(box).toHaveValue(""));
  });

  it("lists the keys with ? or the button", async () => {
    const { choices } = openRound();
    const { user } = renderApp("/principles/rounds/3");
    await screen.findByRole("listitem", { name: "amend mutual-trust" });

    await user.keyboard("?");
    const dialog = await screen.findByRole("dialog", { name: "Keyboard shortcuts" });
    expect(within(dialog).getByText("Agree with the selected proposal")).toBeInTheDocument();
    // The letter keys do not vote behind the open list.
    await user.keyboard("a");
    expect(choices(7)).toEqual([]);
    await user.keyboard("?");
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());

    await user.click(screen.getByRole("button", { name: "Keyboard shortcuts (?)" }));
    expect(await screen.findByRole("dialog", { name: "Keyboard shortcuts" })).toBeInTheDocument();
  });
});
