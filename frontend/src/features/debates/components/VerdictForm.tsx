import { useState, type FormEvent } from "react";
import { ErrorMessage, FieldErrors } from "../../../components/ErrorMessage";
import { ApiError } from "../../../lib/api/errors";
import type { JudgeAssignment } from "../api/debates";
import { useCommitJudgement } from "../hooks/useDebates";

const letter = (index: number) => String.fromCharCode(65 + index);

/**
 * Probabilities in whole percent from 1 to 99. Two answers: one slider for A (B is the rest).
 * More answers: one slider per answer, normalised to add up to 100% when committed.
 */
export function VerdictForm({ assignment }: { assignment: JudgeAssignment }) {
  const options = assignment.debate.question.options;
  const [weights, setWeights] = useState<number[]>(() => options.map(() => 50));
  const [rationale, setRationale] = useState("");
  const commit = useCommitJudgement(assignment.id);
  const two = options.length === 2;
  const first = weights[0] ?? 50;
  const probabilities = two
    ? [first / 100, (100 - first) / 100]
    : weights.map((w) => w / weights.reduce((a, b) => a + b, 0));
  const fieldErrors = commit.error instanceof ApiError ? commit.error.fieldErrors("probabilities") : [];
  const waiting = assignment.debate.protocol !== "baseline" && assignment.turns.length === 0;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    commit.mutate({ probabilities, rationale });
  };
  const setWeight = (index: number, value: number) =>
    setWeights((current) => current.map((w, i) => (i === index ? value : w)));

  return (
    <form onSubmit={submit} className="stack" aria-labelledby="verdict-heading">
      <h2 id="verdict-heading">Your verdict</h2>
      {(two ? [0] : options.map((_, i) => i)).map((index) => (
        <div key={index}>
          <label htmlFor={`p-${index}`}>
            {two ? "Probability that answer A is correct" : `Weight for answer ${letter(index)}`}
          </label>
          <input
            id={`p-${index}`}
            type="range"
            min={1}
            max={99}
            step={1}
            value={weights[index]}
            aria-valuetext={`${weights[index]}%`}
            aria-describedby={fieldErrors.length ? "p-errors" : undefined}
            onChange={(event) => setWeight(index, Number(event.target.value))}
          />
        </div>
      ))}
      <p role="status">
        {probabilities.map((p, i) => `${letter(i)}: ${Math.round(p * 100)}%`).join(" · ")}
      </p>
      <FieldErrors id="p-errors" messages={fieldErrors} />
      <label htmlFor="rationale">Why (optional)</label>
      <textarea id="rationale" rows={3} value={rationale} onChange={(event) => setRationale(event.target.value)} />
      {waiting && <p className="muted">Wait for the first argument before committing.</p>}
      <button type="submit" disabled={commit.isPending || waiting}>
        Commit judgement
      </button>
      {!(commit.error instanceof ApiError && fieldErrors.length) && <ErrorMessage error={commit.error} />}
    </form>
  );
}
