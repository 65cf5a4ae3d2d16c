import type { Turn } from "../api/debates";

/** The tag spellings the server accepts (annotation/debates/quotes.py): "< quote >", "</QUOTE>". */
const QUOTE_TAG = /<\s*quote\s*>([\s\S]*?)<\s*\/\s*quote\s*>/i;

function quoteLabel(verified: boolean | null | undefined): string {
  if (verified === true) return "verified quote";
  if (verified === false) return "unverified quote";
  // null: the story was not kept with this (imported) debate, so no quote can be checked.
  return "unverifiable quote: story not available";
}

/** Splits a speech into text and quotes; quotes show whether they were found in the story. */
function Speech({ turn }: { turn: Turn }) {
  const parts = turn.text.split(QUOTE_TAG);
  const verdicts = new Map(turn.quotes.map((q) => [q.text.trim(), q.verified]));
  return (
    <p className="speech">
      {parts.map((part, index) => {
        if (index % 2 === 0) return <span key={index}>{part}</span>;
        const verified = verdicts.get(part.trim());
        const label = quoteLabel(verified);
        return (
          <q key={index} className={`quote quote-${verified === null ? "unverifiable" : String(verified)}`} title={label}>
            {part} <span className="quote-mark">[{label}]</span>
          </q>
        );
      })}
    </p>
  );
}

export function Transcript({ turns, live }: { turns: Turn[]; live: Record<string, string> }) {
  const streaming = Object.entries(live);
  return (
    <section aria-labelledby="transcript-heading" className="stack">
      <h2 id="transcript-heading">Transcript</h2>
      {turns.length === 0 && streaming.length === 0 && <p className="muted">No arguments yet.</p>}
      <ol className="transcript" aria-live="polite">
        {turns.map((turn) => (
          <li key={turn.id}>
            <h3>
              {turn.kind === "judge"
                ? `Judge (${turn.speaker_name})`
                : `Round ${turn.round + 1}, Debater ${turn.slot ?? ""}`}
            </h3>
            <Speech turn={turn} />
            {turn.probabilities && (
              <p className="muted">
                Judge's beliefs then: {turn.probabilities.map((p) => `${Math.round(p * 100)}%`).join(" / ")}
              </p>
            )}
          </li>
        ))}
        {streaming.map(([key, text]) => {
          const [round, slot] = key.split(":");
          return (
            <li key={`live-${key}`} aria-busy="true">
              <h3>
                Round {Number(round) + 1}, Debater {slot} (writing…)
              </h3>
              <p className="speech">{text}</p>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
