import { useCallback, useState } from "react";

const PREFIX = "coalign:draft:";

function read(key: string): string {
  try {
    return window.localStorage.getItem(PREFIX + key) ?? "";
  } catch {
    // Storage refused (private mode, quota): the draft lives in memory only.
    return "";
  }
}

function write(key: string, text: string): void {
  try {
    if (text === "") window.localStorage.removeItem(PREFIX + key);
    else window.localStorage.setItem(PREFIX + key, text);
  } catch {
    // As in read: without storage the text is kept in the component's state.
  }
}

/** Forget a draft whose field is gone (its item was skipped), without the hook. */
export function draftDiscard(key: string): void {
  write(key, "");
}

export type Draft = {
  text: string;
  setText: (text: string) => void;
  /** Forget the draft: call after the text was saved on the server. */
  clear: () => void;
  /** Whether there is typed text not yet saved (what the navigation guard asks). */
  unsaved: boolean;
};

/**
 * A text field's value kept in localStorage under key (one key per item and field, e.g.
 * "hazards:42:rewrite"), so a rationale, rewrite, argument or proposal survives a navigation,
 * a reload or a closed tab. The component should be keyed by the item, so a new item reads its
 * own draft.
 */
export function useDraft(key: string): Draft {
  const [text, setState] = useState(() => read(key));
  const setText = useCallback(
    (next: string) => {
      setState(next);
      write(key, next);
    },
    [key],
  );
  const clear = useCallback(() => setText(""), [setText]);
  return { text, setText, clear, unsaved: text.trim() !== "" };
}
