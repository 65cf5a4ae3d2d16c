import { useState } from "react";
import { useGroupEvents, type EventHandler } from "./events";

export type LiveTextOptions = {
  /** The event type whose payload.text is the next piece of a streamed text. */
  delta: string;
  /** Which text a delta extends, read from its payload; null ignores the delta. */
  keyOf: (payload: Record<string, unknown>) => string | null;
  /** Event types after which every streamed text is dropped: the stored text replaces it. */
  clearOn?: readonly string[];
  /** Called with every event on the group that is not a delta (to invalidate queries). */
  onEvent?: EventHandler;
};

// Frozen: one shared empty value, so a component that sees no text gets the same object each render.
const NONE: Record<string, string> = Object.freeze({});

/**
 * Text a model is writing, streamed in pieces over the websocket, by key (a response id, a
 * debate's "round:slot"). It is only shown while the text is being written: the server's
 * completion event should invalidate the query that holds the stored text, which then
 * replaces this copy. A new group starts from nothing.
 */
export function useLiveText(group: string | null, options: LiveTextOptions): Record<string, string> {
  const [live, setLive] = useState<{ group: string | null; texts: Record<string, string> }>({
    group,
    texts: {},
  });
  useGroupEvents(group, (event) => {
    if (event.type === options.delta) {
      const key = options.keyOf(event.payload);
      const text = event.payload.text;
      if (key === null || typeof text !== "string") return;
      setLive((current) => {
        const texts = current.group === group ? current.texts : {};
        return { group, texts: { ...texts, [key]: (texts[key] ?? "") + text } };
      });
      return;
    }
    if (options.clearOn?.includes(event.type)) setLive({ group, texts: {} });
    options.onEvent?.(event);
  });
  return live.group === group ? live.texts : NONE;
}
