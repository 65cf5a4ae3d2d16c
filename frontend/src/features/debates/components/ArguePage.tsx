import type { TFunction } from "i18next";
import { useRef, type FormEvent } from "react";
import { Trans, useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ErrorMessage, FieldErrors } from "../../../components/ErrorMessage";
import { Loading } from "../../../components/Loading";
import { ApiError } from "../../../lib/api/errors";
import { useDraft } from "../../../lib/useDraft";
import { useUnsavedGuard } from "../../../lib/useUnsavedGuard";
import type { Seat } from "../api/debates";
import { useSeat, useSeats, useSubmitTurn } from "../hooks/useArgue";
import { Transcript } from "./Transcript";

const letter = (index: number) => String.fromCharCode(65 + index);

function seatState(seat: Seat, t: TFunction<"debates">): string {
  if (seat.debate.status === "ready") return t("argue.states.ready");
  return seat.your_turn ? t("argue.states.yourTurn") : t("argue.states.waiting");
}

/** A person seated as a debater: the debates they argue in. */
export function ArgueListPage() {
  const seats = useSeats();
  const { t } = useTranslation("debates");
  return (
    <main className="stack">
      <h1>{t("argue.listTitle")}</h1>
      {seats.isPending && <Loading />}
      <ErrorMessage error={seats.error} />
      {seats.data?.results.length === 0 && <p>{t("argue.none")}</p>}
      <ul>
        {seats.data?.results.map((seat) => (
          <li key={seat.id}>
            <Link to={`/debates/argue/${seat.id}`}>
              {t("list.item", { id: seat.debate.id, question: seat.debate.question.text })}
            </Link>{" "}
            <span className="muted">{t("argue.seatState", { state: seatState(seat, t) })}</span>
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
  // One draft per seat and round: the next round starts empty.
  const draft = useDraft(`debates:seat:${seat.id}:round:${seat.round ?? 0}:speech`);
  const { text, setText } = draft;
  const { t } = useTranslation("debates");
  useUnsavedGuard(draft.unsaved);
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
    submit.mutateAsync(text).then(draft.clear, () => undefined);
  };

  return (
    <form onSubmit={send} className="stack" aria-labelledby="turn-heading">
      <h2 id="turn-heading">{t("argue.speechTitle", { round: (seat.round ?? 0) + 1 })}</h2>
      <p className="muted">{t("argue.quoteHelp")}</p>
      <label htmlFor="turn-text">{t("argue.argument")}</label>
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
        {t(over ? "argue.over" : "argue.words", { words, limit })}
      </p>
      <p>
        <button type="button" onClick={markQuote}>
          {t("argue.markQuote")}
        </button>
      </p>
      {quotes.length > 0 && (
        <ul aria-label={t("argue.quotes")}>
          {quotes.map((quote, index) => (
            <li key={`${index}-${quote}`}>
              {t("argue.quoteCheck", {
                quote,
                verdict: !passage
                  ? t("argue.quoteStates.noStory")
                  : normal(quote) && passage.includes(normal(quote))
                    ? t("argue.quoteStates.found")
                    : t("argue.quoteStates.notFound"),
              })}
            </li>
          ))}
        </ul>
      )}
      <FieldErrors id="turn-errors" messages={textErrors} />
      {textErrors.length === 0 && <ErrorMessage error={submit.error} />}
      <button type="submit" disabled={submit.isPending || over || words === 0}>
        {t("argue.submit")}
      </button>
    </form>
  );
}

/** One debate from a debater's seat: their answer, the story, the transcript live, their turn. */
export function ArguePage() {
  const id = Number(useParams().id);
  const { seat, live } = useSeat(id);
  const { t } = useTranslation("debates");
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
      <h1>{t("argue.title", { question: debate.question.text })}</h1>
      <ol className="answers" type="A">
        {debate.question.options.map((option, index) => (
          <li key={option}>
            <Trans t={t} i18nKey="argue.option" values={{ letter: letter(index), option }} components={{ strong: <strong /> }} />
          </li>
        ))}
      </ol>
      <p role="note">
        <Trans
          t={t}
          i18nKey="argue.role"
          values={{ slot: data.slot, letter: letter(data.answer_index), option: debate.question.options[data.answer_index] }}
          components={{ strong: <strong /> }}
        />
      </p>
      <p className="muted">
        {t("argue.setup", {
          protocol: debate.protocol === "debate" ? t("protocols.debate") : t("protocols.consultancy"),
          rounds: debate.rounds,
          limit: debate.word_limit,
          order: t(`speakingOrderWords.${debate.speaking_order}`),
        })}
      </p>
      {debate.question.passage && (
        <details open>
          <summary>
            {debate.question.passage_title
              ? t("argue.storyTitled", { title: debate.question.passage_title })
              : t("argue.story")}
          </summary>
          <p className="passage">{debate.question.passage}</p>
        </details>
      )}
      <Transcript turns={data.turns} live={shown} />
      {debate.status === "ready" ? (
        <p role="status">{t("argue.ready")}</p>
      ) : data.your_turn ? (
        <TurnForm key={`${String(data.round)}`} seat={data} />
      ) : (
        <p role="status">{t("argue.waiting")}</p>
      )}
    </main>
  );
}
