import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { Loading } from "../../../components/Loading";
import { debateKeys, type JudgeAssignment } from "../api/debates";
import { useAssignment, useDebateStream, useRequestRound, useNextAssignment } from "../hooks/useDebates";
import { Outcome } from "./Outcome";
import { roundsWritten } from "./rounds";
import { SkipForm } from "./SkipForm";
import { Transcript } from "./Transcript";
import { VerdictForm } from "./VerdictForm";

/** A rater's judging page: one debate at a time, taken by the server's assignment rule. */
export function JudgePage() {
  const next = useNextAssignment();
  const queryClient = useQueryClient();
  const { t } = useTranslation("debates");
  const takeNext = () => void queryClient.invalidateQueries({ queryKey: debateKeys.next() });

  if (next.isPending) return <Loading />;
  if (next.isError) {
    return (
      <main>
        <ErrorMessage error={next.error} />
      </main>
    );
  }
  if (next.data === null) {
    return (
      <main className="stack">
        <h1>{t("judge.title")}</h1>
        <p>{t("judge.nothing")}</p>
      </main>
    );
  }
  return <JudgeView key={next.data.id} initial={next.data} onNext={takeNext} />;
}

function JudgeView({ initial, onNext }: { initial: JudgeAssignment; onNext: () => void }) {
  const assignment = useAssignment(initial);
  const data = assignment.data;
  const live = useDebateStream(data.id, data.debate.id);
  const more = useRequestRound(data.id);
  const { t } = useTranslation("debates");
  const { debate } = data;
  const letter = (index: number) => String.fromCharCode(65 + index);
  // The rounds the judge can read, not the rounds planned: imported rooms and running debates
  // can have fewer.
  const written = roundsWritten(data.turns);
  const canAskMore =
    data.status === "open" &&
    debate.interactive &&
    debate.protocol !== "baseline" &&
    debate.status === "ready" &&
    debate.rounds < debate.max_rounds;

  return (
    <main className="stack">
      <h1>{t("judge.title")}</h1>
      <section aria-labelledby="question-heading" className="stack">
        <h2 id="question-heading">{debate.question.text}</h2>
        {debate.question.passage_title && (
          <p className="muted">{t("judge.passage", { title: debate.question.passage_title })}</p>
        )}
        {/* The letter is written out, so the list draws no marker of its own. */}
        <ul className="answers">
          {debate.question.options.map((option, index) => {
            const advocates = debate.debaters.filter((d) => d.answer_index === index).map((d) => d.slot);
            return (
              <li key={option}>
                <strong>{letter(index)}.</strong> {option}
                {advocates.length > 0 && <span className="muted">{t("judge.arguedBy", { slots: advocates.join(", ") })}</span>}
              </li>
            );
          })}
        </ul>
        <p className="muted">
          {debate.protocol === "baseline"
            ? t("judge.alone")
            : t(debate.status === "running" ? "judge.soFar" : "judge.done", {
                rounds: t("judge.rounds", { protocol: t(`protocols.${debate.protocol}`), count: written }),
              })}
        </p>
      </section>
      <Transcript turns={data.turns} live={live} />
      {canAskMore && (
        <p>
          <button type="button" onClick={() => more.mutate(undefined)} disabled={more.isPending}>
            {t("judge.askMore")}
          </button>
        </p>
      )}
      <ErrorMessage error={more.error} />
      {data.status === "open" && (
        <>
          <VerdictForm assignment={data} />
          <SkipForm assignmentId={data.id} />
        </>
      )}
      {data.status === "committed" && data.outcome && (
        <Outcome outcome={data.outcome} options={debate.question.options} />
      )}
      {data.status !== "open" && (
        <p>
          <button type="button" onClick={onNext}>
            {t("judge.next")}
          </button>
        </p>
      )}
    </main>
  );
}
