import { isTextEntry, useDocumentKeyDown } from "../../../lib/keyboard";
import type { Choice } from "../api/principles";

/**
 * The keys of a round's vote page, as its help lists them: the key as typed (not translated),
 * and what it does as a key under `shortcuts` in the principles catalogue.
 */
export const SHORTCUTS = [
  ["a", "agree"],
  ["d", "disagree"],
  ["p", "pass"],
  ["j", "next"],
  ["k", "previous"],
  ["c", "comment"],
  ["Ctrl+Enter", "postComment"],
  ["Esc", "leaveComment"],
  ["?", "help"],
] as const;

const CHOICES: Record<string, Choice> = { a: "agree", d: "disagree", p: "pass" };

/** The key shown on a vote button (aria-keyshortcuts), from the same table the keys use. */
export const CHOICE_KEY: Record<Choice, string> = { agree: "a", disagree: "d", pass: "p" };

/** A key meant for the page: no modifier, not held down, not typed into a text field. A
 * focused button or checkbox (after a click) does not take letters, so they still count. */
function pageKey(event: KeyboardEvent): boolean {
  return !event.ctrlKey && !event.metaKey && !event.altKey && !event.repeat && !isTextEntry(event.target);
}

/** j and k move the selection to the next or previous proposal. */
export function useRoundKeys({ enabled, move }: { enabled: boolean; move: (step: 1 | -1) => void }): void {
  useDocumentKeyDown((event) => {
    if (!enabled || !pageKey(event)) return;
    if (event.key === "j" || event.key === "k") {
      event.preventDefault();
      move(event.key === "j" ? 1 : -1);
    }
  });
}

/** a, d and p vote on the selected proposal (only its card listens while enabled). */
export function useVoteKeys({ enabled, vote }: { enabled: boolean; vote: (choice: Choice) => void }): void {
  useDocumentKeyDown((event) => {
    if (!enabled || !pageKey(event)) return;
    const choice = CHOICES[event.key];
    if (!choice) return;
    event.preventDefault();
    vote(choice);
  });
}

/**
 * c moves into the selected proposal's comment box; Ctrl+Enter posts its comment (from the
 * box, or from anywhere that is not another text field); Escape leaves the box so the letter
 * keys vote again.
 */
export function useCommentKeys({
  enabled,
  box,
  post,
}: {
  enabled: boolean;
  box: () => HTMLTextAreaElement | null;
  post: () => void;
}): void {
  useDocumentKeyDown((event) => {
    if (!enabled) return;
    const inBox = event.target !== null && event.target === box();
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      if (!inBox && isTextEntry(event.target)) return;
      event.preventDefault();
      post();
    } else if (event.key === "Escape" && inBox) {
      box()?.blur();
    } else if (event.key === "c" && pageKey(event)) {
      // Not typed into the box that now has the focus.
      event.preventDefault();
      box()?.focus();
    }
  });
}
