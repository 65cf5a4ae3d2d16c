import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ErrorMessage, FieldErrors } from "../../../components/ErrorMessage";
import { ApiError } from "../../../lib/api/errors";
import type { SignalKind, Snapshot } from "../api/snapshots";
import { useLines, useRequestSnapshot } from "../hooks/useSnapshots";

// The kinds a recipe may read (labels under "kinds" in src/locales/en/snapshots.json); the
// server says which of them feed the chosen format.
const KINDS = [
  "preference",
  "judgement",
  "hazard_label",
  "adjudication",
  "safe_rewrite",
  "vote",
  "debate_turn",
  "ai_output",
] as const satisfies readonly SignalKind[];
type Kind = (typeof KINDS)[number];
const FORMATS = ["preference", "sft", "binary_qa"] as const;
const MIX_BY = ["source", "model_version", "rater_background"] as const;

/** "group = weight" per line into an object; the lines it cannot read, for a message. */
function parseWeights(text: string): { weights: Record<string, number>; unreadable: string[] } {
  const weights: Record<string, number> = {};
  const unreadable: string[] = [];
  for (const line of text.split("\n").map((l) => l.trim()).filter(Boolean)) {
    const [group, value] = line.split("=").map((part) => part.trim());
    const weight = Number(value);
    if (!group || value === undefined || value === "" || !Number.isFinite(weight)) unreadable.push(line);
    else weights[group] = weight;
  }
  return { weights, unreadable };
}

/** A datetime-local value (the reader's clock) as an ISO instant, or null when empty. */
function instant(local: string): string | null {
  return local ? new Date(local).toISOString() : null;
}

/** Admins request a snapshot by its recipe: kinds, format, window, weights and floors. */
export function BuildSnapshotForm({ onRequested }: { onRequested: (snapshot: Snapshot) => void }) {
  const lines = useLines();
  const build = useRequestSnapshot();
  const { t } = useTranslation("snapshots");
  const [line, setLine] = useState("");
  const [kinds, setKinds] = useState<Set<Kind>>(new Set(["preference"]));
  const [format, setFormat] = useState<(typeof FORMATS)[number]>("preference");
  const [since, setSince] = useState("");
  const [until, setUntil] = useState("");
  const [mixBy, setMixBy] = useState<(typeof MIX_BY)[number]>("source");
  const [weights, setWeights] = useState("");
  const [minAgreement, setMinAgreement] = useState("0");
  const [minReliability, setMinReliability] = useState("0");
  const [evalFraction, setEvalFraction] = useState("0.2");
  const [maxExamples, setMaxExamples] = useState("");
  const [seed, setSeed] = useState("0");
  const [dedupe, setDedupe] = useState(true);
  const [byQuality, setByQuality] = useState(false);
  const [conditioned, setConditioned] = useState(false);
  const parsedWeights = parseWeights(weights);
  const error = build.error instanceof ApiError ? build.error : null;
  const fieldErrors = (field: string) => error?.fieldErrors(field) ?? [];

  function toggleKind(kind: Kind, on: boolean) {
    const next = new Set(kinds);
    if (on) next.add(kind);
    else next.delete(kind);
    setKinds(next);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (parsedWeights.unreadable.length > 0) return;
    build.mutate(
      {
        line: line || null,
        recipe: {
          kinds: KINDS.filter((k) => kinds.has(k)),
          format,
          since: instant(since),
          until: instant(until),
          mix_by: mixBy,
          weights: parsedWeights.weights,
          min_agreement: Number(minAgreement),
          min_reliability: Number(minReliability),
          eval_fraction: Number(evalFraction),
          max_examples: maxExamples ? Number(maxExamples) : null,
          seed: Number(seed),
          dedupe,
          weight_by_quality: byQuality,
          ...(conditioned ? { condition_on_constitution: true } : {}),
        },
      },
      { onSuccess: onRequested },
    );
  }

  return (
    <form onSubmit={submit} className="stack" aria-labelledby="build-snapshot-heading">
      <h2 id="build-snapshot-heading">{t("form.title")}</h2>
      <fieldset>
        <legend>{t("form.kinds")}</legend>
        <div className="row">
          {KINDS.map((kind) => (
            <label key={kind} className="checkbox">
              <input type="checkbox" checked={kinds.has(kind)} onChange={(e) => toggleKind(kind, e.target.checked)} />
              {t(`kinds.${kind}`)}
            </label>
          ))}
        </div>
        <FieldErrors id="snapshot-kinds-errors" messages={fieldErrors("kinds")} />
      </fieldset>
      <div className="row">
        <label className="field">
          {t("form.format")}
          <select value={format} onChange={(e) => setFormat(e.target.value as typeof format)}>
            {FORMATS.map((f) => (
              <option key={f} value={f}>
                {t(`formats.${f}`)}
              </option>
            ))}
          </select>
          <FieldErrors id="snapshot-format-errors" messages={fieldErrors("format")} />
        </label>
        <label className="field">
          {t("form.line")}
          <select value={line} onChange={(e) => setLine(e.target.value)}>
            <option value="">{t("form.noLine")}</option>
            {lines.data?.results.map((l) => (
              <option key={l.slug} value={l.slug}>
                {l.name}
              </option>
            ))}
          </select>
          <FieldErrors id="snapshot-line-errors" messages={fieldErrors("line")} />
        </label>
      </div>
      <fieldset>
        <legend>{t("form.window")}</legend>
        <div className="row">
          <label className="field">
            {t("form.since")}
            <input type="datetime-local" value={since} onChange={(e) => setSince(e.target.value)} />
            <FieldErrors id="snapshot-since-errors" messages={fieldErrors("since")} />
          </label>
          <label className="field">
            {t("form.until")}
            <input type="datetime-local" value={until} onChange={(e) => setUntil(e.target.value)} />
            <FieldErrors id="snapshot-until-errors" messages={fieldErrors("until")} />
          </label>
        </div>
      </fieldset>
      <fieldset>
        <legend>{t("form.mix")}</legend>
        <div className="row">
          <label className="field">
            {t("form.mixBy")}
            <select value={mixBy} onChange={(e) => setMixBy(e.target.value as typeof mixBy)}>
              {MIX_BY.map((m) => (
                <option key={m} value={m}>
                  {t(`mixBy.${m}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            {t("form.weights")}
            <textarea
              rows={3}
              value={weights}
              placeholder={t("form.weightsExample")}
              onChange={(e) => setWeights(e.target.value)}
            />
            <FieldErrors
              id="snapshot-weights-errors"
              messages={[
                ...parsedWeights.unreadable.map((line) => t("form.unreadableWeight", { line })),
                ...fieldErrors("weights"),
              ]}
            />
          </label>
        </div>
      </fieldset>
      <fieldset>
        <legend>{t("form.floors")}</legend>
        <div className="row">
          <label className="field">
            {t("form.minAgreement")}
            <input inputMode="decimal" value={minAgreement} onChange={(e) => setMinAgreement(e.target.value)} />
            <FieldErrors id="snapshot-agreement-errors" messages={fieldErrors("min_agreement")} />
          </label>
          <label className="field">
            {t("form.minReliability")}
            <input
              inputMode="decimal"
              value={minReliability}
              onChange={(e) => setMinReliability(e.target.value)}
            />
            <FieldErrors id="snapshot-reliability-errors" messages={fieldErrors("min_reliability")} />
          </label>
          <label className="field">
            {t("form.evalFraction")}
            <input inputMode="decimal" value={evalFraction} onChange={(e) => setEvalFraction(e.target.value)} />
            <FieldErrors id="snapshot-eval-errors" messages={fieldErrors("eval_fraction")} />
          </label>
          <label className="field">
            {t("form.maxExamples")}
            <input inputMode="numeric" value={maxExamples} onChange={(e) => setMaxExamples(e.target.value)} />
            <FieldErrors id="snapshot-max-errors" messages={fieldErrors("max_examples")} />
          </label>
          <label className="field">
            {t("form.seed")}
            <input inputMode="numeric" value={seed} onChange={(e) => setSeed(e.target.value)} />
          </label>
        </div>
        <div className="row">
          <label className="checkbox">
            <input type="checkbox" checked={dedupe} onChange={(e) => setDedupe(e.target.checked)} />
            {t("form.dedupe")}
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={byQuality} onChange={(e) => setByQuality(e.target.checked)} />
            {t("form.byQuality")}
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={conditioned} onChange={(e) => setConditioned(e.target.checked)} />
            {t("form.conditioned")}
          </label>
        </div>
        <FieldErrors
          id="snapshot-condition-errors"
          messages={[...fieldErrors("condition_on_constitution"), ...fieldErrors("recipe")]}
        />
      </fieldset>
      <ErrorMessage error={build.error} />
      <div>
        <button type="submit" disabled={build.isPending || kinds.size === 0}>
          {t("form.submit")}
        </button>
      </div>
    </form>
  );
}
