import { useParams } from "react-router";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { Loading } from "../../../components/Loading";
import { useMyReliability, useNextItem } from "../hooks/useHazards";
import { SHORTCUTS } from "../hooks/useLabelShortcuts";
import { AttackForm } from "./AttackForm";
import { LabelForm } from "./LabelForm";

function ShortcutsHelp() {
  return (
    <details>
      <summary>Keyboard shortcuts</summary>
      <dl>
        {SHORTCUTS.map(([key, what]) => (
          <div key={key}>
            <dt>
              <kbd>{key}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

function MyReliability() {
  const mine = useMyReliability();
  if (!mine.data || mine.data.labels === 0) return null;
  const pct = (x: number | null) => (x === null ? "n/a" : `${Math.round(x * 100)}%`);
  return (
    <p className="muted">
      Your labels: {mine.data.labels}. Gold accuracy: {pct(mine.data.gold_accuracy)} (
      {mine.data.gold_items} gold items). Agreement with other raters: {pct(mine.data.agreement)}.
    </p>
  );
}

/** A rater's labelling of one campaign: the next item, then the next, until none is left. */
export function LabelPage() {
  const campaign = Number(useParams().campaign);
  const next = useNextItem(campaign);
  return (
    <main>
      <h1>Label model responses</h1>
      <ShortcutsHelp />
      <MyReliability />
      {next.isPending && <Loading />}
      <ErrorMessage error={next.error} />
      {next.data === null && <p>Nothing is left for you to label in this campaign. Thank you!</p>}
      {next.data && <LabelForm key={next.data.response} item={next.data} campaign={campaign} />}
      <AttackForm campaign={campaign} />
    </main>
  );
}
