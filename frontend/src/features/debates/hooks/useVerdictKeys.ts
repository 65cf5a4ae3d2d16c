import type { TFunction } from "i18next";
import type { RefObject } from "react";
import type { Shortcut } from "../../../components/ShortcutHelp";
import { isTextEntry, useDocumentKeyDown } from "../../../lib/keyboard";

export type VerdictKeyActions = {
  /** Sets answer A's probability (or weight, with more than two answers) in whole percent. */
  setFirst: (percent: number) => void;
  /** Moves answer A's probability by this many points. */
  nudgeFirst: (points: number) => void;
  focusRationale: () => void;
  commit: () => void;
  /** The verdict form: Ctrl+Enter typed into a field of another form (the skip reason) is not
   * a commit. */
  form: RefObject<HTMLFormElement | null>;
  /** While the shortcut list is open, keys belong to it. */
  paused: boolean;
};

/** Points "[" and "]" move answer A's probability by. */
export const NUDGE = 5;

/** The judge page's keys, for the help dialog; the keys are typed as shown, not translated. */
export function verdictShortcuts(t: TFunction<"debates">): Shortcut[] {
  return [
    { keys: "1 … 9", action: t("shortcuts.set") },
    { keys: "[", action: t("shortcuts.lower", { points: NUDGE }) },
    { keys: "]", action: t("shortcuts.raise", { points: NUDGE }) },
    { keys: "r", action: t("shortcuts.rationale") },
    { keys: "Ctrl+Enter", action: t("shortcuts.commit") },
    { keys: "?", action: t("shortcuts.help") },
  ];
}

/**
 * The verdict from the keyboard: "1"-"9" put answer A at 10%-90%, "[" and "]" move it by NUDGE
 * points, "r" goes to the rationale, Ctrl+Enter (Cmd+Enter) commits from anywhere, the rationale
 * included. The listener is on the document (lib/keyboard), so the keys keep working after a
 * click on the slider, a button or the page; plain keys typed into a text field stay text.
 */
export function useVerdictKeys(actions: VerdictKeyActions): void {
  useDocumentKeyDown((event) => {
    if (actions.paused || event.altKey) return;
    const target = event.target;
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      const elsewhere = target instanceof Node && isTextEntry(target) && !actions.form.current?.contains(target);
      if (elsewhere) return;
      event.preventDefault();
      actions.commit();
      return;
    }
    if (event.ctrlKey || event.metaKey || isTextEntry(target)) return;
    if (/^[1-9]$/.test(event.key)) actions.setFirst(Number(event.key) * 10);
    else if (event.key === "[") actions.nudgeFirst(-NUDGE);
    else if (event.key === "]") actions.nudgeFirst(NUDGE);
    // preventDefault: the "r" that moved the focus is not typed into the rationale.
    else if (event.key === "r") actions.focusRationale();
    else return;
    event.preventDefault();
  });
}
