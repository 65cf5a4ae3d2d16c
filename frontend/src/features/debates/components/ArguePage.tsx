import { useRef, useState, type FormEvent } from "react";
import { Link, useParams } from "react-router";
import { ErrorMessage, FieldErrors } from "../../../components/ErrorMessage";
import { Loading } from "../../../components/Loading";
import { ApiError } from "../../../lib/api/errors";
import type { Seat } from "../api/debates";
import { useSeat, useSeats, useSubmitTurn } from "../hooks/useArgue";
import { Transcript } from "./Transcript";

const letter = (index: number) => String.fromCharCode(65 + index);

function seatState(seat: Seat): string {
  if (seat.debate.status === "ready") return "all rounds written";
  return seat.your_turn ? "your turn" : "waiting for the other side";
}

/** A person seated as a debater: the debates they argue in. */
export function ArgueListPage() {
  const seats = useSeats();
  return (
    <main className="stack">
      <h1>Argue in debates</h1>
      {seats.isPending && <Loading />}
      <ErrorMessage error={seats.error} />
      {seats.data?.results.length === 0 && <p>You have no debates to argue in.</p>}
      <ul>
        {seats.data?.results.map((seat) => (
          <li key={seat.id}>
            <Link to={`/debates/argue/${seat.id}`}>
              #{seat.debate.id} {seat.debate.question.text}
            </Link>{" "}
            <span className="muted">({seatState(seat)})</span>
          </li>
        ))}
      </ul>
    </main>
  );
}

/** The server's quote check, done here too so the debater sees it before submitting. */
function normal(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}_]+/gu, " ").replace(/\s+/g, " ").trim();
}

function quotesIn(text: string): string[] {
  return [...text.matchAll(/<quote>([\s\S]*?)<\/quote>/gi)].map((m) => (m[1] ?? "").trim()).filter(Boolean);
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

function TurnForm({ seat }: { seat: Seat }) {
  const [text, setText] = useState("");
  const area = useRef<HTMLTextAreaElement>(null);
  const submit = useSubmitTurn(seat.id, seat.debate.id);
  const limit = seat.debate.word_limit;
  const words = wordCount(text);
  const over = words > limit;
  const passage = normal(seat.debate.question.passage);
  const quotes = quotesIn(text);
  const textErrors = submit.error instanceof ApiError ? submit.error.fieldErrors("text") : [];

  const markQuote = () => {
    const el = area.current;
    if (!el || el.selectionStart === el.selectionEnd) return;
    const { selectionStart: start, selectionEnd: end } = el;
    setText(`${text.slice(0, start)}<quote>${text.slice(start, end)}</quote>${text.slice(end)}`);
  };
  const send = (event: FormEvent) => {
    event.preventDefault();
    submit.mutate(text, { onSuccess: () => setText("") });
  };

  return (
    <form onSubmit={send} className="stack" aria-labelledby="turn-heading">
      <h2 id="turn-heading">Your speech, round {(seat.round ?? 0) + 1}</h2>
      <p className="muted">
        Quote the story as &lt;quote&gt;exact words&lt;/quote&gt;: the judge sees whether each quote is found in it.
      </p>
      <label htmlFor="turn-text">Your argument</label>
      <textarea
        id="turn-text"
        ref={area}
        rows={8}
        value={text}
        onChange={(event) => setText(event.target.value)}
        aria-describedby="turn-words turn-errors"
        aria-invalid={over || textErrors.length > 0}
      />
      <p id="turn-words" aria-live="polite" className={over ? "error" : "muted"}>
        {words} / {limit} words{over ? `: keep to ${limit} words.` : ""}
      </p>
      <p>
        <button type="button" onClick={markQuote}>
          Mark selection as quote
        </button>
      </p>
      {quotes.length > 0 && (
        <ul aria-label="Your quotes">
          {quotes.map((quote, index) => (
            <li key={`${index}-${quote}`}>
              “{quote}”:{" "}
              {!passage
                ? "no story to check against"
                : normal(quote) && passage.includes(normal(quote))
                  ? "found in the story"
                  : "not found in the story"}
            </li>
          ))}
        </ul>
      )}
      <FieldErrors id="turn-errors" messages={textErrors} />
      {textErrors.length === 0 && <ErrorMessage error={submit.error} />}
      <button type="submit" disabled={submit.isPending || over || words === 0}>
        Submit speech
      </button>
    </form>
  );
}

/** One debate from a debater's seat: their answer, the story, the transcript live, their turn. */
export function ArguePage() {
  const id = Number(useParams().id);
  const { seat, live } = useSeat(id);
  if (seat.isPending) return <Loading />;
  if (seat.isError) return <ErrorMessage error={seat.error} />;
  const data = seat.data;
  const { debate } = data;
  // Speaking simultaneously, the other side's speech of this round stays hidden until ours is in.
  const shown = Object.fromEntries(
    Object.entries(live).filter(([key]) => {
      const [round, slot] = key.split(":");
      return debate.speaking_order !== "simultaneous" || slot === data.slot || Number(round) !== data.round;
    }),
  );
  return (
    <main className="stack">
      <h1>Argue: {debate.question.text}</h1>
      <ol className="answers" type="A">
        {debate.question.options.map((option, index) => (
          <li key={option}>
            <strong>{letter(index)}.</strong> {option}
          </li>
        ))}
      </ol>
      <p role="note">
        You are Debater {data.slot} and defend answer <strong>{letter(data.answer_index)}</strong>:{" "}
        {debate.question.options[data.answer_index]}
      </p>
      <p className="muted">
        {debate.protocol === "debate" ? "Debate" : "Consultancy"}, {debate.rounds} round(s), up to {debate.word_limit}{" "}
        words a speech, {debate.speaking_order} speaking.
      </p>
      {debate.question.passage && (
        <details open>
          <summary>The story{debate.question.passage_title && `: ${debate.question.passage_title}`}</summary>
          <p className="passage">{debate.question.passage}</p>
        </details>
      )}
      <Transcript turns={data.turns} live={shown} />
      {debate.status === "ready" ? (
        <p role="status">All rounds are written; judges decide now.</p>
      ) : data.your_turn ? (
        <TurnForm key={`${String(data.round)}`} seat={data} />
      ) : (
        <p role="status">Waiting for the other side to speak.</p>
      )}
    </main>
  );
}
