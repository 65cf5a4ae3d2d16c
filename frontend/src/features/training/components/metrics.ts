import { formatPercentTo } from "../../../lib/format";
/** Reading the evaluation stored in a version's free-form metrics JSON. */
export type Figures = {
  preference: number | null;
  llmbar: number | null;
  hazard: number | null;
  constitution: number | null;
  llmbarSubsets: [string, number][];
};

function num(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

export function figures(metrics: unknown): Figures {
  const m = record(metrics);
  const llmbar = record(m.llmbar);
  return {
    preference: num(m.preference_accuracy),
    llmbar: num(llmbar.overall),
    hazard: num(m.hazard_rate),
    constitution: num(m.constitution_agreement),
    llmbarSubsets: Object.entries(llmbar)
      .filter(([name, value]) => name !== "overall" && num(value) !== null)
      .map(([name, value]) => [name, value as number]),
  };
}

export function percent(value: number | null): string {
  return value === null ? "—" : formatPercentTo(value, 1);
}
