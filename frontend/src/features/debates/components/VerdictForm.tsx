import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ErrorMessage, FieldErrors } from "../../../components/ErrorMessage";
import { ApiError } from "../../../lib/api/errors";
import { useDraft } from "../../../lib/useDraft";
import { useDwellTime } from "../../../lib/useDwellTime";
import { useUnsavedGuard } from "../../../lib/useUnsavedGuard";
import type { JudgeAssignment } from "../api/debates";
import { useCommitJudgement } from "../hooks/useDebates";

const letter = (index: number) => String.fromCharCode(65 + index);

/**
 * Probabilities in whole percent from 1 to 99. Two answers: one slider for A (B is the rest).
 * More answers: one slider per answer, normalised to add up to 100% when committed.
 */
export function VerdictForm({ assignment }: { assignment: JudgeAssignment }) {
  const options = assignment.debate.question.options;
  const { t } = useTranslation("debates");
  const [weights, setWeights] = useState<number[]>(() => options.map(() => 50));
  const rationale = useDraft(`debates:assignment:${assignment.id}:rationale`);
  useUnsavedGuard(rationale.unsaved);
  const commit = useCommitJudgement(assignment.id);
  const dwell = useDwellTime(assignment.id);
  const two = options.length === 2;
  const first = weights[0] ?? 50;
  const probabilities = two
    ? [first / 100, (100 - first) / 100]
    : weights.map((w) => w / weights.reduce((a, b) => a + b, 0));
  const fieldErrors = commit.error instanceof ApiError ? commit.error.fieldErrors("probabilities") : [];
  const waiting = assignment.debate.protocol !== "baseline" && assignment.turns.length === 0;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // The draft goes once the judgement is stored; a refusal keeps it (commit.error shows why).
    commit.mutateAsync({ probabilities, rationale: rationale.text, dwell_ms: dwell() }).then(rationale.clear, () => undefined);
  };
  const setWeight = (index: number, value: number) =>
    setWeights((current) => current.map((w, i) => (i === index ? value : w)));

  return (
    <form onSubmit={submit} className="stack" aria-labelledby="verdict-heading">
      <h2 id="verdict-heading">{t("verdict.title")}</h2>
      {(two ? [0] : options.map((_, i) => i)).map((index) => (
        <div key={index}>
          <label htmlFor={`p-${index}`}>
            {two ? t("verdict.probabilityA") : t("verdict.weight", { letter: letter(index) })}
          </label>
          <input
            id={`p-${index}`}
            type="range"
            min={1}
            max={99}
            step={1}
            value={weights[index]}
            aria-valuetext={t("verdict.percent", { value: weights[index] })}
            aria-describedby={fieldErrors.length ? "p-errors" : undefined}
            onChange={(event) => setWeight(index, Number(event.target.value))}
          />
        </div>
      ))}
      <p role="status">
        {probabilities.map((p, i) => t("verdict.share", { letter: letter(i), value: Math.round(p * 100) })).join(" · ")}
      </p>
      <FieldErrors id="p-errors" messages={fieldErrors} />
      <label htmlFor="rationale">{t("verdict.rationale")}</label>
      <textarea
        id="rationale"
        className="wide"
        rows={4}
        value={rationale.text}
        onChange={(event) => rationale.setText(event.target.value)}
      />
      {waiting && <p className="muted">{t("verdict.waiting")}</p>}
      <button type="submit" disabled={commit.isPending || waiting}>
        {t("verdict.submit")}
      </button>
      {!(commit.error instanceof ApiError && fieldErrors.length) && <ErrorMessage error={commit.error} />}
    </form>
  );
}
