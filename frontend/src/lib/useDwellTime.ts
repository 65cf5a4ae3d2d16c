import { useCallback, useEffect, useRef } from "react";

/** Whether the person can be looking at the page: its tab is shown and its window focused. */
function attending(focused: boolean): boolean {
  return document.visibilityState === "visible" && focused;
}

/**
 * How long the person has had `item` in front of them, in milliseconds: the time since it was
 * shown during which the page was visible (document.visibilityState) and its window focused,
 * paused while the tab is hidden or another window has the focus. A submission sends it as
 * `dwell_ms`; the server flags one faster than its kind's floor (README, "Rater trust").
 *
 * Returns a stable function that reads the time now; the count starts again when `item`
 * changes (the next item to label or judge).
 */
export function useDwellTime(item: string | number): () => number {
  // Time counted so far, and when the current attended stretch began (null while paused).
  const clock = useRef<{ counted: number; since: number | null }>({ counted: 0, since: null });

  useEffect(() => {
    const state = { counted: 0, since: null as number | null };
    clock.current = state;
    let focused = document.hasFocus();
    const settle = () => {
      const now = performance.now();
      if (state.since !== null) state.counted += now - state.since;
      state.since = attending(focused) ? now : null;
    };
    const onFocus = () => {
      focused = true;
      settle();
    };
    const onBlur = () => {
      focused = false;
      settle();
    };
    settle();
    document.addEventListener("visibilitychange", settle);
    window.addEventListener("focus", onFocus);
    window.addEventListener("blur", onBlur);
    return () => {
      document.removeEventListener("visibilitychange", settle);
      window.removeEventListener("focus", onFocus);
      window.removeEventListener("blur", onBlur);
    };
  }, [item]);

  return useCallback(() => {
    const { counted, since } = clock.current;
    return Math.round(counted + (since === null ? 0 : performance.now() - since));
  }, []);
}
