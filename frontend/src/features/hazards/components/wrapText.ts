import type { CSSProperties } from "react";

/** Model and rater text keeps its line breaks and wraps anywhere: a prompt on one long line, or
 * an unbroken run of characters, must never make the page wider than a 390 px screen. */
export const WRAP: CSSProperties = { whiteSpace: "pre-wrap", overflowWrap: "anywhere", margin: 0 };
