import { isTextEntry, useDocumentKeyDown } from "../../../lib/keyboard";
import type { LabelForm } from "./useLabelForm";

/**
 * The keys of the label page, as its help lists them: the key as typed (not translated), and
 * what it does as a key under `shortcuts` in the hazards catalogue.
 */
export const SHORTCUTS = [
  ["Enter", "reveal"],
  ["h / n / r", "verdict"],
  ["1-9", "category"],
  ["[ / ]", "severity"],
  ["m", "span"],
  ["e", "rewrite"],
  ["Ctrl+Enter", "submit"],
  ["s", "skip"],
  ["?", "help"],
] as const;

type LabelShortcutActions = {
  paused: boolean;
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
 * The label page's keys, anywhere on the page (one listener on the document). Ctrl+Enter
 * submits even from the rewrite; the other keys are ignored only while the rater types into a
 * text field (a focused checkbox or radio, after a click, still takes them). "?" is the page's
 * (useHelpKey), since it works before an item is there.
 */
export function useLabelShortcuts(actions: LabelShortcutActions): void {
  useDocumentKeyDown((event) => {
    const { form } = actions;
    const key = event.key;
    if (actions.paused) return;
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
