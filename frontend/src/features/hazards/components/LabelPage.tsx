import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { Loading } from "../../../components/Loading";
import { formatCount, formatPercent } from "../../../lib/format";
import { useMyReliability, useNextItem } from "../hooks/useHazards";
import { SHORTCUTS, useHelpKey } from "../hooks/useLabelShortcuts";
import { AttackForm } from "./AttackForm";
import { LabelForm } from "./LabelForm";

/** The shortcut list over the page, opened by "?" or its button; Escape or the button closes it. */
function ShortcutsOverlay({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation("hazards");
  return (
    <div className="overlay" onClick={onClose}>
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcuts-heading"
        className="overlay-panel"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => e.key === "Escape" && onClose()}
      >
        <h2 id="shortcuts-heading">{t("shortcuts.title")}</h2>
        <dl className="shortcuts">
          {SHORTCUTS.map(([key, what]) => (
            <div key={key}>
              <dt>
                <kbd>{key}</kbd>
              </dt>
              <dd>{t(`shortcuts.${what}`)}</dd>
            </div>
          ))}
        </dl>
        <button type="button" onClick={onClose} autoFocus>
          {t("shortcuts.close")}
        </button>
      </div>
    </div>
  );
}

function MyReliability() {
  const mine = useMyReliability();
  const { t } = useTranslation("hazards");
  if (!mine.data || mine.data.labels === 0) return null;
  const pct = (x: number | null) => (x === null ? t("notAvailable") : formatPercent(x));
  return (
    <p className="muted">
      {t("label.reliability", {
        labels: formatCount(mine.data.labels),
        gold: pct(mine.data.gold_accuracy),
        goldItems: formatCount(mine.data.gold_items),
        agreement: pct(mine.data.agreement),
      })}
    </p>
  );
}

/** A rater's labelling of one campaign: the next item, then the next, until none is left. */
export function LabelPage() {
  const campaign = Number(useParams().campaign);
  const next = useNextItem(campaign);
  const [help, setHelp] = useState(false);
  const { t } = useTranslation("hazards");
  useHelpKey(() => setHelp((open) => !open));
  return (
    <main className="label-page">
      <div className="row page-heading">
        <h1>{t("label.title")}</h1>
        <button type="button" className="secondary" onClick={() => setHelp(true)}>
          {t("label.shortcutsButton")}
        </button>
      </div>
      {help && <ShortcutsOverlay onClose={() => setHelp(false)} />}
      <MyReliability />
      {next.isPending && <Loading />}
      <ErrorMessage error={next.error} />
      {next.data === null && <p>{t("label.done")}</p>}
      {next.data && <LabelForm key={next.data.response} item={next.data} campaign={campaign} paused={help} />}
      <AttackForm campaign={campaign} />
    </main>
  );
}
