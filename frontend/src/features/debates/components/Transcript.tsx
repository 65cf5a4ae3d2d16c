import { useTranslation } from "react-i18next";
import { UntrainedModelBadge } from "../../../components/UntrainedModelBadge";
import { formatPercent } from "../../../lib/format";
import type { Turn } from "../api/debates";
import { groupByRound } from "./rounds";

/** The tag spellings the server accepts (annotation/debates/quotes.py): "< quote >", "</QUOTE>". */
const QUOTE_TAG = /<\s*quote\s*>([\s\S]*?)<\s*\/\s*quote\s*>/i;

function quoteState(verified: boolean | null | undefined) {
  if (verified === true) return "verified" as const;
  if (verified === false) return "unverified" as const;
  // null: the story was not kept with this (imported) debate, so no quote can be checked.
  return "unverifiable" as const;
}

/** Splits a speech into text and quotes; quotes show whether they were found in the story. */
function Speech({ turn }: { turn: Turn }) {
  const { t } = useTranslation("debates");
  const parts = turn.text.split(QUOTE_TAG);
  const verdicts = new Map(turn.quotes.map((q) => [q.text.trim(), q.verified]));
  return (
    <p className="speech">
      {parts.map((part, index) => {
        if (index % 2 === 0) return <span key={index}>{part}</span>;
        const verified = verdicts.get(part.trim());
        const label = t(`transcript.quote.${quoteState(verified)}`);
        return (
          <q key={index} className={`quote quote-${verified === null ? "unverifiable" : String(verified)}`} title={label}>
            {part} <span className="quote-mark">{t("transcript.mark", { label })}</span>
          </q>
        );
      })}
    </p>
  );
}

export function Transcript({ turns, live }: { turns: Turn[]; live: Record<string, string> }) {
  const { t } = useTranslation("debates");
  const rounds = groupByRound(turns, live);
  return (
    <section aria-labelledby="transcript-heading" className="stack">
      <h2 id="transcript-heading">{t("transcript.title")}</h2>
      {rounds.length === 0 && <p className="muted">{t("transcript.empty")}</p>}
      <ol className="transcript" aria-live="polite">
        {rounds.map(({ round, turns: spoken, live: writing }) => (
          <li key={round} className="transcript-round">
            <h3>{t("transcript.round", { round: round + 1 })}</h3>
            <ul>
              {spoken.map((turn) => (
                <li key={turn.id}>
                  <h4>
                    {turn.kind === "judge"
                      ? t("transcript.judge", { name: turn.speaker_name })
                      : t("transcript.debater", { slot: turn.slot ?? "" })}
                    {turn.untrained_model && <UntrainedModelBadge />}
                  </h4>
                  <Speech turn={turn} />
                  {turn.probabilities && (
                    <p className="muted">
                      {t("transcript.beliefs", {
                        probabilities: turn.probabilities.map((p) => formatPercent(p)).join(" / "),
                      })}
                    </p>
                  )}
                </li>
              ))}
              {writing.map(([slot, text]) => (
                <li key={`live-${slot}`} aria-busy="true">
                  <h4>{t("transcript.writing", { slot })}</h4>
                  <p className="speech">{text}</p>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </section>
  );
}
