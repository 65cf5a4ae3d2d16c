import { useRef, useState } from "react";
import { ErrorMessage, FieldErrors } from "../../../components/ErrorMessage";
import type { LabelItem } from "../api/hazards";
import { useLabelForm } from "../hooks/useLabelForm";
import { useLabelShortcuts } from "../hooks/useLabelShortcuts";
import { HighlightedText, selectedSpan } from "./HighlightedText";
import { CategoriesField, RewriteField, SpansField, VerdictField } from "./LabelFields";
import { SkipForm } from "./SkipForm";

function ContentWarning({ onReveal }: { onReveal: () => void }) {
  return (
    <div role="alert" className="content-warning">
      <p>
        <strong>Content warning:</strong> this response was written to a red-team prompt and may
        contain harmful or offensive text. You may skip it.
      </p>
      <button type="button" onClick={onReveal} autoFocus>
        Show response (Enter)
      </button>
    </div>
  );
}

/** One item to label: hidden behind a content warning until the rater asks to see it. */
export function LabelForm({ item, campaign }: { item: LabelItem; campaign: number }) {
  const [revealed, setRevealed] = useState(false);
  const [skipping, setSkipping] = useState(false);
  const form = useLabelForm(item, campaign);
  const textRef = useRef<HTMLPreElement>(null);
  const rewriteRef = useRef<HTMLTextAreaElement>(null);

  function markSelection() {
    const span = textRef.current ? selectedSpan(textRef.current) : null;
    if (span) form.addSpan(span);
    window.getSelection()?.removeAllRanges();
  }

  useLabelShortcuts({
    revealed,
    reveal: () => setRevealed(true),
    form,
    codes: item.taxonomy.categories.map((c) => c.code),
    markSelection,
    focusRewrite: () => rewriteRef.current?.focus(),
    startSkipping: () => setSkipping(true),
  });

  return (
    <section aria-label="Item to label" className="label-item">
      <h2>Prompt</h2>
      <pre className="prompt-text">{item.prompt}</pre>
      <h2>Response</h2>
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
          <button type="button" onClick={form.send} disabled={!form.canSend}>
            Submit (Ctrl+Enter)
          </button>
        </>
      )}
      {skipping ? (
        <SkipForm response={item.response} campaign={campaign} />
      ) : (
        <button type="button" onClick={() => setSkipping(true)}>
          Skip (s)
        </button>
      )}
    </section>
  );
}
