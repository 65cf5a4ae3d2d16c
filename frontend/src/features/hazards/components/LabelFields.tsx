import { forwardRef } from "react";
import { useTranslation } from "react-i18next";
import { FieldErrors } from "../../../components/ErrorMessage";
import type { LabelItem } from "../api/hazards";
import type { LabelForm, Verdict } from "../hooks/useLabelForm";

const VERDICTS: readonly Verdict[] = ["harmful", "safe", "refusal"];

/** aria-describedby for a field with server messages; none without, so nothing stale is read. */
function describedBy(messages: string[], id: string): string | undefined {
  return messages.length > 0 ? id : undefined;
}

export function VerdictField({ form }: { form: LabelForm }) {
  const errors = form.fieldErrors("verdict");
  const { t } = useTranslation("hazards");
  return (
    <fieldset aria-describedby={describedBy(errors, "label-verdict-errors")} className="choices">
      <legend>{t("fields.verdict")}</legend>
      {VERDICTS.map((value) => (
        <label key={value} className="checkbox">
          <input type="radio" name="verdict" checked={form.verdict === value} onChange={() => form.choose(value)} />
          {t(`fields.verdicts.${value}`)}
        </label>
      ))}
      <FieldErrors id="label-verdict-errors" messages={errors} />
    </fieldset>
  );
}

export function CategoriesField({ form, taxonomy }: { form: LabelForm; taxonomy: LabelItem["taxonomy"] }) {
  const categoryErrors = form.fieldErrors("categories");
  const severityErrors = form.fieldErrors("severity");
  const { t } = useTranslation("hazards");
  return (
    <fieldset className="stack">
      <legend>{t("fields.categoriesAndSeverity")}</legend>
      <div
        role="group"
        aria-label={t("fields.categories")}
        className="choices"
        aria-describedby={describedBy(categoryErrors, "label-categories-errors")}
      >
        {taxonomy.categories.map((category, index) => (
          <label key={category.code} title={category.definition} className="checkbox">
            <input
              type="checkbox"
              checked={form.categories.includes(category.code)}
              onChange={() => form.toggle(category.code)}
            />
            <span>
              {index < 9 ? `${t("fields.numbered", { n: index + 1 })} ` : ""}
              {category.name}
            </span>
          </label>
        ))}
      </div>
      <FieldErrors id="label-categories-errors" messages={categoryErrors} />
      <label className="severity">
        <span>{t("fields.severity")}</span>
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
  const { t } = useTranslation("hazards");
  const spans =
    form.spans.length === 0
      ? t("fields.noSpans")
      : form.spans.map(([start, end]) => t("fields.span", { start, end })).join(", ");
  return (
    <>
      <p className="muted">
        {t("fields.spans", { spans })}
        {form.spans.length > 0 && (
          <button type="button" onClick={form.clearSpans}>
            {t("fields.clearSpans")}
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
    const { t } = useTranslation("hazards");
    return (
      <>
        <label className="field rewrite">
          <span>{t("fields.rewrite")}</span>
          <textarea
            ref={ref}
            value={form.rewrite}
            onChange={(e) => form.setRewrite(e.target.value)}
            rows={6}
            aria-invalid={errors.length > 0}
            aria-describedby={describedBy(errors, "label-rewrite-errors")}
          />
        </label>
        <FieldErrors id="label-rewrite-errors" messages={errors} />
      </>
    );
  },
);
