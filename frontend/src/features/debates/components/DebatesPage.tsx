import { useState, type FormEvent } from "react";
import { Link, useParams } from "react-router";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { Loading } from "../../../components/Loading";
import type { DebateRequest } from "../api/debates";
import { useCreateDebate, useDebateList, useQuestions, useWatchedDebate } from "../hooks/useResearch";
import { QuestionUploadForm } from "./QuestionUploadForm";
import { Transcript } from "./Transcript";

function StartDebateForm() {
  const questions = useQuestions();
  const create = useCreateDebate();
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
      <h2 id="start-heading">Start an AI debate</h2>
      <label htmlFor="question">Question</label>
      <select id="question" value={question} onChange={(event) => setQuestion(event.target.value)} required>
        <option value="">Choose a question</option>
        {questions.data?.results.map((q) => (
          <option key={q.id} value={q.id}>
            {q.text.slice(0, 90)}
          </option>
        ))}
      </select>
      <label htmlFor="protocol">Protocol</label>
      <select id="protocol" value={protocol} onChange={(event) => setProtocol(event.target.value as DebateRequest["protocol"])}>
        <option value="debate">Debate</option>
        <option value="consultancy">Consultancy</option>
        <option value="baseline">No advocate (judge alone)</option>
      </select>
      <label htmlFor="rounds">Rounds</label>
      <input id="rounds" type="number" min={1} max={10} value={rounds} onChange={(event) => setRounds(Number(event.target.value))} />
      <label htmlFor="order">Speaking order</label>
      <select id="order" value={order} onChange={(event) => setOrder(event.target.value as typeof order)}>
        <option value="sequential">Sequential</option>
        <option value="simultaneous">Simultaneous</option>
      </select>
      <button type="submit" disabled={create.isPending}>
        Start debate
      </button>
      <ErrorMessage error={create.error} />
      {create.data && <p role="status">Debate #{create.data.id} started.</p>}
    </form>
  );
}

/** Researchers: start debates with the published debater version, and list them all. */
export function DebatesPage() {
  const list = useDebateList();
  return (
    <main className="stack">
      <h1>Debates</h1>
      <QuestionUploadForm />
      <StartDebateForm />
      <h2>All debates</h2>
      {list.isPending && <Loading />}
      <ErrorMessage error={list.error} />
      <ul>
        {list.data?.results.map((debate) => (
          <li key={debate.id}>
            <Link to={`/debates/${debate.id}`}>
              #{debate.id} {debate.question}
            </Link>{" "}
            <span className="muted">
              {debate.condition || debate.protocol}, {debate.origin}, {debate.status}
            </span>
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
  if (debate.isPending) return <Loading />;
  if (debate.isError) return <ErrorMessage error={debate.error} />;
  const data = debate.data;
  return (
    <main className="stack">
      <h1>
        Debate #{data.id}: {data.question.text}
      </h1>
      <ol type="A">
        {data.question.options.map((option, index) => (
          <li key={option}>
            {option}
            {index === data.question.correct_index && <strong> (correct)</strong>}
          </li>
        ))}
      </ol>
      <p>
        {data.debaters.map((d) => `Debater ${d.slot}: ${d.debater} on ${String.fromCharCode(65 + d.answer_index)}`).join("; ")}
      </p>
      <Transcript turns={data.turns} live={live} />
      <h2>Judgements</h2>
      <ul>
        {data.judgements.map((j) => (
          <li key={j.id}>
            {j.judge} ({j.kind}): {j.probabilities.map((p) => `${Math.round(p * 100)}%`).join(" / ")},{" "}
            {j.correct ? "correct" : "wrong"}, score {j.score.toFixed(2)}
          </li>
        ))}
      </ul>
    </main>
  );
}
