import type { Turn } from "../api/debates";

export type RoundGroup = {
  round: number;
  turns: Turn[];
  /** Speeches being written now, by debater slot. */
  live: [string, string][];
};

/**
 * Turns grouped by round, in round order, with the speeches streaming now (live is keyed
 * "round:slot") put into their round. Turns keep their position order within a round.
 */
export function groupByRound(turns: Turn[], live: Record<string, string>): RoundGroup[] {
  const groups = new Map<number, RoundGroup>();
  const group = (round: number) => {
    let found = groups.get(round);
    if (!found) {
      found = { round, turns: [], live: [] };
      groups.set(round, found);
    }
    return found;
  };
  for (const turn of turns) group(turn.round).turns.push(turn);
  for (const [key, text] of Object.entries(live)) {
    const [round, slot] = key.split(":");
    group(Number(round)).live.push([slot ?? "", text]);
  }
  return [...groups.values()].sort((a, b) => a.round - b.round);
}

/** How many rounds of speeches the transcript holds: what a judge reads, whatever was planned. */
export function roundsWritten(turns: Turn[]): number {
  return new Set(turns.filter((t) => t.kind === "speech").map((t) => t.round)).size;
}
