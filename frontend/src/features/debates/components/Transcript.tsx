import type { Turn } from "../api/debates";

/** Splits a speech into text and quotes; quotes show whether they were found in the story. */
function Speech({ turn }: { turn: Turn }) {
  const parts = turn.text.split(/<quote>([\s\S]*?)<\/quote>/i);
  const verdicts = new Map(turn.quotes.map((q) => [q.text.trim(), q.verified]));
  return (
    <p className="speech">
      {parts.map((part, index) => {
        if (index % 2 === 0) return <span key={index}>{part}</span>;
        const verified = verdicts.get(part.trim());
        const label = verified === true ? "verified quote" : verified === false ? "unverified quote" : "unchecked quote";
        return (
          <q key={index} className={`quote quote-${String(verified)}`} title={label}>
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
