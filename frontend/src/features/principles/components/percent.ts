import { formatPercent } from "../../../lib/format";

/** A share in [0, 1] as a whole percentage; a dash where there is none (no votes yet). */
export function percent(share: number | null | undefined): string {
  return share === null || share === undefined ? "—" : formatPercent(share);
}
