import type { Run } from "./api/loop";

/** What a `run.progress` event carries (see `_ProgressReporter` in loop/services/runs.py). */
export type RunProgress = {
  step: number;
  total_steps: number;
  loss: number | null;
  eta_s: number | null;
};

function numberOrNull(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

/** The progress in an event's payload, or null when it does not carry a step and a total. */
export function runProgress(payload: Record<string, unknown>): RunProgress | null {
  const step = numberOrNull(payload.step);
  const totalSteps = numberOrNull(payload.total_steps);
  if (step === null || totalSteps === null) return null;
  return { step, total_steps: totalSteps, loss: numberOrNull(payload.loss), eta_s: numberOrNull(payload.eta_s) };
}

/** The run with one streamed step applied. A step no later than the run's own is stale (an event
 * that overtook a refetch) and changes nothing, so the bar never moves back. The history drops
 * any loss it holds for this step or later (a resumed run logs steps past its checkpoint again)
 * and ends with this step's. */
export function runWithProgress(run: Run, progress: RunProgress): Run {
  if (progress.step <= run.step) return run;
  const history =
    progress.loss === null
      ? run.history
      : [...run.history.filter(([step]) => step !== undefined && step < progress.step), [progress.step, progress.loss]];
  return {
    ...run,
    step: progress.step,
    total_steps: progress.total_steps,
    loss: progress.loss ?? run.loss,
    eta_s: progress.eta_s,
    history,
  };
}
