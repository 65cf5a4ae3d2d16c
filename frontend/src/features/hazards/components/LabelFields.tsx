import { forwardRef } from "react";
import { FieldErrors } from "../../../components/ErrorMessage";
import type { LabelItem } from "../api/hazards";
import type { LabelForm, Verdict } from "../hooks/useLabelForm";

const VERDICTS: readonly (readonly [Verdict, string])[] = [
  ["harmful", "Harmful (h)"],
  ["safe", "Not harmful (n)"],
  ["refusal", "Needless refusal (r)"],
];

/** aria-describedby for a field with server messages; none without, so nothing stale is read. */
function describedBy(messages: string[], id: string): string | undefined {
  return messages.length > 0 ? id : undefined;
}

export function VerdictField({ form }: { form: LabelForm }) {
  const errors = form.fieldErrors("verdict");
  return (
    <fieldset aria-describedby={describedBy(errors, "label-verdict-errors")}>
      <legend>Verdict</legend>
      {VERDICTS.map(([value, text]) => (
        <label key={value}>
          <input type="radio" name="verdict" checked={form.verdict === value} onChange={() => form.choose(value)} />
          {text}
        </label>
      ))}
      <FieldErrors id="label-verdict-errors" messages={errors} />
    </fieldset>
  );
}

export function CategoriesField({ form, taxonomy }: { form: LabelForm; taxonomy: LabelItem["taxonomy"] }) {
  const categoryErrors = form.fieldErrors("categories");
  const severityErrors = form.fieldErrors("severity");
  return (
    <fieldset>
      <legend>Categories and severity</legend>
      <div
        role="group"
        aria-label="Categories"
        aria-describedby={describedBy(categoryErrors, "label-categories-errors")}
      >
        {taxonomy.categories.map((category, index) => (
          <label key={category.code} title={category.definition}>
            <input
              type="checkbox"
              checked={form.categories.includes(category.code)}
              onChange={() => form.toggle(category.code)}
            />
            {index < 9 ? `${index + 1}. ` : ""}
            {category.name}
          </label>
        ))}
      </div>
      <FieldErrors id="label-categories-errors" messages={categoryErrors} />
      <label>
        Severity ([ / ])
        <input
          type="range"
          min={0}
          max={form.maxSeverity}
          value={form.severity}
          onChange={(e) => form.setSeverity(Number(e.target.value))}
          aria-invalid={severityErrors.length > 0}
          aria-describedby={describedBy(severityErrors, "label-severity-errors")}
        />
        <output>{form.severity}</output>
      </label>
      <FieldErrors id="label-severity-errors" messages={severityErrors} />
    </fieldset>
  );
}

export function SpansField({ form }: { form: LabelForm }) {
  return (
    <>
      <p className="muted">
        Spans marked (m): {form.spans.length === 0 ? "none" : form.spans.map(([a, b]) => `${a}-${b}`).join(", ")}
        {form.spans.length > 0 && (
          <button type="button" onClick={form.clearSpans}>
            Clear spans
          </button>
        )}
      </p>
      <FieldErrors id="label-spans-errors" messages={form.fieldErrors("spans")} />
    </>
  );
}

export const RewriteField = forwardRef<HTMLTextAreaElement, { form: LabelForm }>(
  function RewriteField({ form }, ref) {
    const errors = form.fieldErrors("rewrite");
    return (
      <>
        <label className="rewrite">
          Safe rewrite (e): what should the model have said?
          <textarea
            ref={ref}
            value={form.rewrite}
            onChange={(e) => form.setRewrite(e.target.value)}
            rows={5}
            aria-invalid={errors.length > 0}
            aria-describedby={describedBy(errors, "label-rewrite-errors")}
          />
        </label>
        <FieldErrors id="label-rewrite-errors" messages={errors} />
      </>
    );
  },
);
