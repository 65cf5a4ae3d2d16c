import type { JudgeAssignment } from "../api/debates";

type OutcomeData = NonNullable<JudgeAssignment["outcome"]>;
const letter = (index: number) => String.fromCharCode(65 + index);

/** Shown only after commit: the truth, who argued honestly, and the judge's proper score. */
export function Outcome({ outcome, options }: { outcome: OutcomeData; options: string[] }) {
  return (
    <section aria-labelledby="outcome-heading" className="stack">
      <h2 id="outcome-heading">Outcome</h2>
      <p role="status">
        {outcome.correct ? "You were right." : "You were wrong."} The correct answer is{" "}
        <strong>
          {letter(outcome.correct_index)}. {options[outcome.correct_index]}
        </strong>
        .
      </p>
      <p>
        Your score: <strong>{outcome.score.toFixed(2)}</strong> (log₂ of the probability you gave the
        correct answer: 0 is perfect, −1 is a coin flip).
      </p>
      <ul>
        {outcome.debaters.map((debater) => (
          <li key={debater.slot}>
            Debater {debater.slot} argued {letter(debater.answer_index)} and was{" "}
            {debater.role === "helpful" ? "honest (helpful)" : "dishonest (sneaky)"}.
          </li>
        ))}
      </ul>
    </section>
  );
}
