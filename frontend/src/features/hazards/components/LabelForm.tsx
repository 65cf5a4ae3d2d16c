import { useRef, useState } from "react";
import { Trans, useTranslation } from "react-i18next";
import { ErrorMessage, FieldErrors } from "../../../components/ErrorMessage";
import { UntrainedModelBadge } from "../../../components/UntrainedModelBadge";
import { useUnsavedGuard } from "../../../lib/useUnsavedGuard";
import type { LabelItem } from "../api/hazards";
import { useLabelForm } from "../hooks/useLabelForm";
import { useLabelShortcuts } from "../hooks/useLabelShortcuts";
import { HighlightedText, selectedSpan } from "./HighlightedText";
import { CategoriesField, RewriteField, SpansField, VerdictField } from "./LabelFields";
import { SkipForm } from "./SkipForm";

function ContentWarning({ onReveal }: { onReveal: () => void }) {
  const { t } = useTranslation("hazards");
  return (
    <div role="alert" className="content-warning">
      <p>
        <Trans t={t} i18nKey="label.warning" components={{ strong: <strong /> }} />
      </p>
      <button type="button" onClick={onReveal} autoFocus>
        {t("label.reveal")}
      </button>
    </div>
  );
}

/** One item to label: hidden behind a content warning until the rater asks to see it. */
export function LabelForm({
  item,
  campaign,
  paused = false,
}: {
  item: LabelItem;
  campaign: number;
  /** While the shortcut list covers the page, its keys do nothing behind it. */
  paused?: boolean;
}) {
  const [revealed, setRevealed] = useState(false);
  const [skipping, setSkipping] = useState(false);
  const { t } = useTranslation("hazards");
  const form = useLabelForm(item, campaign);
  const textRef = useRef<HTMLPreElement>(null);
  const rewriteRef = useRef<HTMLTextAreaElement>(null);
  useUnsavedGuard(form.unsaved);

  function markSelection() {
    const span = textRef.current ? selectedSpan(textRef.current) : null;
    if (span) form.addSpan(span);
    window.getSelection()?.removeAllRanges();
  }

  useLabelShortcuts({
    paused,
    revealed,
    reveal: () => setRevealed(true),
    form,
    codes: item.taxonomy.categories.map((c) => c.code),
    markSelection,
    focusRewrite: () => rewriteRef.current?.focus(),
    startSkipping: () => setSkipping(true),
  });

  return (
    <section aria-label={t("label.item")} className="label-item stack">
      <h2>
        {t("label.prompt")} {item.prompt_untrained_model && <UntrainedModelBadge />}
      </h2>
      <pre className="text-block prompt-text">{item.prompt}</pre>
      <h2>
        {t("label.response")} {item.untrained_model && <UntrainedModelBadge />}
      </h2>
      {revealed ? (
        <HighlightedText ref={textRef} text={item.text} spans={form.spans} />
      ) : (
        <ContentWarning onReveal={() => setRevealed(true)} />
      )}
      {revealed && (
        <>
          <VerdictField form={form} />
          <CategoriesField form={form} taxonomy={item.taxonomy} />
          <SpansField form={form} />
          <RewriteField ref={rewriteRef} form={form} />
          <ErrorMessage error={form.error} />
          <FieldErrors id="label-errors" messages={form.otherErrors} />
          <div className="row">
            <button type="button" onClick={form.send} disabled={!form.canSend}>
              {t("label.submit")}
            </button>
          </div>
        </>
      )}
      {skipping ? (
        <SkipForm response={item.response} campaign={campaign} />
      ) : (
        <div className="row">
          <button type="button" className="secondary" onClick={() => setSkipping(true)}>
            {t("label.skip")}
          </button>
        </div>
      )}
    </section>
  );
}
