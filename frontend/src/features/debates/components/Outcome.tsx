import { Trans, useTranslation } from "react-i18next";
import type { JudgeAssignment } from "../api/debates";

type OutcomeData = NonNullable<JudgeAssignment["outcome"]>;
const letter = (index: number) => String.fromCharCode(65 + index);

/** Shown only after commit: the truth, who argued honestly, and the judge's proper score. */
export function Outcome({ outcome, options }: { outcome: OutcomeData; options: string[] }) {
  const { t } = useTranslation("debates");
  return (
    <section aria-labelledby="outcome-heading" className="stack">
      <h2 id="outcome-heading">{t("outcome.title")}</h2>
      <p role="status">
        <Trans
          t={t}
          i18nKey="outcome.correctAnswer"
          values={{
            verdict: outcome.correct ? t("outcome.right") : t("outcome.wrong"),
            letter: letter(outcome.correct_index),
            option: options[outcome.correct_index],
          }}
          components={{ strong: <strong /> }}
        />
      </p>
      <p>
        <Trans
          t={t}
          i18nKey="outcome.score"
          values={{ score: outcome.score.toFixed(2) }}
          components={{ strong: <strong /> }}
        />
      </p>
      <ul>
        {outcome.debaters.map((debater) => (
          <li key={debater.slot}>
            {t("outcome.debater", {
              slot: debater.slot,
              letter: letter(debater.answer_index),
              role: t(`outcome.roles.${debater.role}`),
            })}
          </li>
        ))}
      </ul>
    </section>
  );
}
