import type { EventHandler } from "../../../lib/events";
import { useLiveText } from "../../../lib/liveText";

/**
 * Speeches of a debate being written, keyed "round:slot" (as Transcript reads them); all are
 * dropped when a turn is stored, since only one speaks at a time or the stored ones replace them.
 */
export function useLiveTurns(debateId: number | undefined, onEvent: EventHandler): Record<string, string> {
  return useLiveText(debateId === undefined ? null : `debate:${debateId}`, {
    delta: "debate.turn.delta",
    keyOf: (payload) => `${String(payload.round)}:${String(payload.slot)}`,
    clearOn: ["debate.turn.completed"],
    onEvent,
  });
}
