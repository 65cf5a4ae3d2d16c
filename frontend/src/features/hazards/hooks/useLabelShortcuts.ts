import { isTextEntry, useWindowKeyDown } from "../../../lib/keyboard";
import type { LabelForm } from "./useLabelForm";

/** The keys of the label page, as its help lists them. */
export const SHORTCUTS = [
  ["Enter", "show the response after the warning"],
  ["h / n / r", "harmful / not harmful / needless refusal"],
  ["1-9", "toggle a category"],
  ["[ / ]", "lower / raise severity"],
  ["m", "mark the selected text as a span"],
  ["e", "write the safe rewrite"],
  ["Ctrl+Enter", "submit"],
  ["s", "skip with a reason"],
] as const;

type LabelShortcutActions = {
  revealed: boolean;
  reveal: () => void;
  form: LabelForm;
  /** Category codes in the order shown: key 1 toggles the first. */
  codes: string[];
  markSelection: () => void;
  focusRewrite: () => void;
  startSkipping: () => void;
};

/**
 * The label page's keys, anywhere on the page. Ctrl+Enter submits even from the rewrite; the
 * other keys are ignored only while the rater types into a text field (a focused checkbox or
 * radio, after a click, still takes them).
 */
export function useLabelShortcuts(actions: LabelShortcutActions): void {
  useWindowKeyDown((event) => {
    const { form } = actions;
    const key = event.key;
    if (key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      form.send();
      return;
    }
    if (isTextEntry(event.target)) return;
    if (!actions.revealed) {
      if (key === "Enter") {
        event.preventDefault();
        actions.reveal();
      }
      return;
    }
    if (key === "h") form.choose("harmful");
    else if (key === "n") form.choose("safe");
    else if (key === "r") form.choose("refusal");
    else if (key >= "1" && key <= "9") {
      const code = actions.codes[Number(key) - 1];
      if (code) form.toggle(code);
    } else if (key === "[") form.stepSeverity(-1);
    else if (key === "]") form.stepSeverity(1);
    else if (key === "m") actions.markSelection();
    else if (key === "e") {
      // Not typed into the rewrite that now has the focus.
      event.preventDefault();
      actions.focusRewrite();
    } else if (key === "s") {
      event.preventDefault();
      actions.startSkipping();
    }
  });
}
