/** Colour-blind-safe palette (Okabe-Ito) for opinion groups; grey for people left out. */
const GROUP_COLOURS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00"];
const UNGROUPED = "#999999";

export function groupColour(group: number | null): string {
  return group === null ? UNGROUPED : (GROUP_COLOURS[group % GROUP_COLOURS.length] ?? UNGROUPED);
}

/** Background groups (region, expertise), Okabe-Ito after the blue of the overall line. */
export const BACKGROUND_COLOURS = ["#E69F00", "#56B4E9", "#009E73", "#CC79A7", "#F0E442", "#D55E00", "#000000"];

/** The overall agreement line, passed changes and the least-agreeing opinion group. */
export const OVERALL = "#0072B2";
export const PASSED = "#009E73";
export const WEAKEST = "#D55E00";
export const GROUP_DOT = "#999999";
