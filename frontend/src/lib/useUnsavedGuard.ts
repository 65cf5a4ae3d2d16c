import { useEffect } from "react";
import { useBlocker } from "react-router";

export const UNSAVED_MESSAGE = "You have text that is not submitted yet. Leave this page anyway?";

/**
 * While `unsaved`, asks before leaving: in-app navigation to another page through the router's
 * blocker (a confirm dialog), closing or reloading the tab through beforeunload (the browser's
 * own dialog). Drafts stay in localStorage either way, so leaving loses nothing for good.
 */
export function useUnsavedGuard(unsaved: boolean): void {
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      unsaved && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (blocker.state !== "blocked") return;
    if (window.confirm(UNSAVED_MESSAGE)) blocker.proceed();
    else blocker.reset();
  }, [blocker]);
  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show their dialog only when returnValue is set.
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [unsaved]);
}
