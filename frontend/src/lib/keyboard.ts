import { useEffect, useRef } from "react";

// Inputs that take no typed text: a key pressed on one (after a click put the focus there)
// is still meant for the page's shortcuts.
const KEYLESS_INPUTS = new Set([
  "checkbox",
  "radio",
  "range",
  "button",
  "submit",
  "reset",
  "color",
  "file",
  "image",
]);

/** Whether a key pressed on target is typing into a text field, where plain keys belong to it. */
export function isTextEntry(target: EventTarget | null): boolean {
  if (target instanceof HTMLInputElement) return !KEYLESS_INPUTS.has(target.type);
  return (
    target instanceof HTMLTextAreaElement ||
    // A select picks options by typed letters.
    target instanceof HTMLSelectElement ||
    // jsdom leaves isContentEditable undefined.
    (target instanceof HTMLElement && target.isContentEditable === true)
  );
}

/**
 * Calls handler for every key pressed while the component is mounted, wherever the focus is:
 * the listener sits on the document, so a click that moves focus into a checkbox or radio, or
 * removes the focused element, does not end the shortcuts. Handlers skip keys typed into text
 * fields with isTextEntry. The latest handler is called without re-adding the listener.
 */
export function useDocumentKeyDown(handler: (event: KeyboardEvent) => void): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => latest.current(event);
    document.addEventListener("keydown", listener);
    return () => document.removeEventListener("keydown", listener);
  }, []);
}

/** "?" (outside text fields) toggles a page's shortcut list (components/ShortcutHelp). */
export function useHelpKey(toggle: () => void): void {
  useDocumentKeyDown((event) => {
    if (event.key !== "?" || isTextEntry(event.target) || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    toggle();
  });
}
