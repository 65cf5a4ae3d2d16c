import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { Loading } from "../../../components/Loading";
import { formatPercent } from "../../../lib/format";
import type { DebateRequest } from "../api/debates";
import { useCreateDebate, useDebateList, useQuestions, useWatchedDebate } from "../hooks/useResearch";
import { GoldNote, GoldToggle } from "./GoldToggle";
import { QuestionUploadForm } from "./QuestionUploadForm";
import { Transcript } from "./Transcript";

function StartDebateForm() {
  const questions = useQuestions();
  const create = useCreateDebate();
  const { t } = useTranslation("debates");
  const [question, setQuestion] = useState("");
  const [protocol, setProtocol] = useState<DebateRequest["protocol"]>("debate");
  const [rounds, setRounds] = useState(2);
  const [order, setOrder] = useState<NonNullable<DebateRequest["speaking_order"]>>("sequential");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const seats = protocol === "debate" ? 2 : protocol === "consultancy" ? 1 : 0;
    create.mutate({
      question: Number(question),
      protocol,
      rounds,
      speaking_order: order,
      interactive: false,
      word_limit: 150,
      judges_wanted: 3,
      debaters: Array.from({ length: seats }, () => ({ line: "debater", strategy: "standard" as const })),
    });
  };
  return (
    <form onSubmit={submit} className="stack" aria-labelledby="start-heading">
      <h2 id="start-heading">{t("start.title")}</h2>
      <label htmlFor="question">{t("start.question")}</label>
      <select id="question" value={question} onChange={(event) => setQuestion(event.target.value)} required>
        <option value="">{t("start.chooseQuestion")}</option>
        {questions.data?.results.map((q) => (
          <option key={q.id} value={q.id}>
            {q.text.slice(0, 90)}
          </option>
        ))}
      </select>
      <label htmlFor="protocol">{t("start.protocol")}</label>
      <select id="protocol" value={protocol} onChange={(event) => setProtocol(event.target.value as DebateRequest["protocol"])}>
        <option value="debate">{t("protocols.debate")}</option>
        <option value="consultancy">{t("protocols.consultancy")}</option>
        <option value="baseline">{t("protocols.baseline")}</option>
      </select>
      <label htmlFor="rounds">{t("start.rounds")}</label>
      <input id="rounds" type="number" min={1} max={10} value={rounds} onChange={(event) => setRounds(Number(event.target.value))} />
      <label htmlFor="order">{t("start.order")}</label>
      <select id="order" value={order} onChange={(event) => setOrder(event.target.value as typeof order)}>
        <option value="sequential">{t("speakingOrders.sequential")}</option>
        <option value="simultaneous">{t("speakingOrders.simultaneous")}</option>
      </select>
      <button type="submit" disabled={create.isPending}>
        {t("start.submit")}
      </button>
      <ErrorMessage error={create.error} />
      {create.data && <p role="status">{t("start.started", { id: create.data.id })}</p>}
    </form>
  );
}

/** Researchers: start debates with the published debater version, and list them all. */
export function DebatesPage() {
  const list = useDebateList();
  const { t } = useTranslation("debates");
  return (
    <main className="stack">
      <h1>{t("list.title")}</h1>
      <p>
        <Link to="/debates/sets">{t("list.setsLink")}</Link>
      </p>
      <QuestionUploadForm />
      <StartDebateForm />
      <h2>{t("list.all")}</h2>
      <GoldNote />
      {list.isPending && <Loading />}
      <ErrorMessage error={list.error} />
      <ul>
        {list.data?.results.map((debate) => (
          <li key={debate.id}>
            <Link to={`/debates/${debate.id}`}>
              {t("list.item", { id: debate.id, question: debate.question })}
            </Link>{" "}
            <span className="muted">
              {t("list.meta", {
                condition: debate.condition || t(`protocolWords.${debate.protocol}`),
                origin: t(`origins.${debate.origin}`),
                status: t(`statuses.${debate.status}`),
              })}
            </span>
            <GoldToggle debate={debate.id} gold={debate.gold} />
          </li>
        ))}
      </ul>
    </main>
  );
}

/** Watching one debate live, with everything a researcher may see (truth and verdicts). */
export function DebateWatchPage() {
  const id = Number(useParams().id);
  const { debate, live } = useWatchedDebate(id);
  const { t } = useTranslation("debates");
  if (debate.isPending) return <Loading />;
  if (debate.isError) return <ErrorMessage error={debate.error} />;
  const data = debate.data;
  return (
    <main className="stack">
      <h1>{t("watch.title", { id: data.id, question: data.question.text })}</h1>
      <ol type="A">
        {data.question.options.map((option, index) => (
          <li key={option}>
            {option}
            {index === data.question.correct_index && <strong>{t("watch.correct")}</strong>}
          </li>
        ))}
      </ol>
      <p>
        {data.debaters
          .map((d) => t("watch.debater", { slot: d.slot, debater: d.debater, letter: String.fromCharCode(65 + d.answer_index) }))
          .join("; ")}
      </p>
      <Transcript turns={data.turns} live={live} />
      <h2>{t("watch.judgements")}</h2>
      <ul>
        {data.judgements.map((j) => (
          <li key={j.id}>
            {t("watch.judgement", {
              judge: j.judge,
              kind: j.kind,
              probabilities: j.probabilities.map((p) => formatPercent(p)).join(" / "),
              verdict: j.correct ? t("watch.right") : t("watch.wrong"),
              score: j.score.toFixed(2),
            })}
          </li>
        ))}
      </ul>
    </main>
  );
}
