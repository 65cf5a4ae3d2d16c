import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ErrorMessage, FieldErrors } from "../../../components/ErrorMessage";
import { ApiError } from "../../../lib/api/errors";
import type { Run } from "../api/loop";
import { useLines, useStartRun } from "../hooks/useLoop";
import { VersionSelect } from "./VersionSelect";

// Each recipe's name is `start.recipes.<value>` in the catalogue.
const RECIPES = [
  { value: "dpo", format: "preference" },
  { value: "reward", format: "preference" },
  { value: "sft", format: "sft" },
  { value: "weak_to_strong", format: "preference" },
  { value: "alternating", format: "sft" },
] as const;

function numbers(text: string): number[] {
  return text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .map(Number);
}

/** Admins start a run: line, recipe, base version, the dataset recipe and a few settings. */
export function StartRunForm({ onStarted }: { onStarted: (run: Run) => void }) {
  const lines = useLines();
  const start = useStartRun();
  const { t } = useTranslation("training");
  const [line, setLine] = useState("");
  const [recipe, setRecipe] = useState<(typeof RECIPES)[number]["value"]>("dpo");
  const [base, setBase] = useState("");
  const [kinds, setKinds] = useState("preference");
  const [steps, setSteps] = useState("50");
  const [autoPublish, setAutoPublish] = useState(false);
  const [conditioned, setConditioned] = useState(false);
  const [weakLine, setWeakLine] = useState("");
  const [weakVersion, setWeakVersion] = useState("");
  const [labelNoise, setLabelNoise] = useState("0");
  const [qaItems, setQaItems] = useState(false);
  const [conformity, setConformity] = useState("");
  const [schedule, setSchedule] = useState("0.5, 1.0");
  const error = start.error instanceof ApiError ? start.error : null;
  const chosenLine = line || lines.data?.results[0]?.slug || "";

  function runConfig(): Record<string, unknown> {
    if (recipe === "weak_to_strong") {
      return { max_steps: Number(steps), weak_version: Number(weakVersion), label_noise: Number(labelNoise) };
    }
    if (recipe === "alternating") {
      // Steps per step of each round: competence SFT, then conformity DPO.
      return {
        competence_steps: Number(steps),
        conformity_steps: Number(steps),
        conformity_snapshot: Number(conformity),
        difficulty_schedule: numbers(schedule),
      };
    }
    return { max_steps: Number(steps) };
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const format =
      recipe === "weak_to_strong" && qaItems
        ? "binary_qa"
        : (RECIPES.find((r) => r.value === recipe)?.format ?? "preference");
    start.mutate(
      {
        line: chosenLine,
        recipe,
        base_version: base ? Number(base) : null,
        dataset_recipe: {
          kinds: kinds.split(",").map((k) => k.trim()).filter(Boolean),
          format,
          ...(conditioned ? { condition_on_constitution: true } : {}),
        },
        config: runConfig(),
        auto_publish: autoPublish,
      },
      { onSuccess: onStarted },
    );
  }

  return (
    <form onSubmit={submit} className="stack" aria-labelledby="start-run-heading">
      <h2 id="start-run-heading">{t("start.title")}</h2>
      <div className="row">
        <label className="field">
          {t("start.line")}
          <select
            value={chosenLine}
            onChange={(e) => {
              setLine(e.target.value);
              // A version of the previous line is no base for this one.
              setBase("");
            }}
          >
            {lines.data?.results.map((l) => (
              <option key={l.slug} value={l.slug}>
                {l.name}
              </option>
            ))}
          </select>
          <FieldErrors id="line-errors" messages={error?.fieldErrors("line") ?? []} />
        </label>
        <label className="field">
          {t("start.recipe")}
          <select value={recipe} onChange={(e) => setRecipe(e.target.value as typeof recipe)}>
            {RECIPES.map((r) => (
              <option key={r.value} value={r.value}>
                {t(`start.recipes.${r.value}`)}
              </option>
            ))}
          </select>
        </label>
        <VersionSelect
          label={t("start.base")}
          line={chosenLine}
          value={base}
          onChange={setBase}
          emptyLabel={t("start.basePublished")}
          errors={error?.fieldErrors("base_version") ?? []}
          errorsId="base-errors"
        />
      </div>
      <div className="row">
        <label className="field">
          {t("start.kinds")}
          <input value={kinds} onChange={(e) => setKinds(e.target.value)} />
          <FieldErrors
            id="kinds-errors"
            messages={[...(error?.fieldErrors("kinds") ?? []), ...(error?.fieldErrors("snapshot") ?? [])]}
          />
        </label>
        <label className="field">
          {t("start.steps")}
          <input inputMode="numeric" value={steps} onChange={(e) => setSteps(e.target.value)} />
          <FieldErrors id="config-errors" messages={error?.fieldErrors("config") ?? []} />
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={conditioned} onChange={(e) => setConditioned(e.target.checked)} />
          {t("start.conditioned")}
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={autoPublish} onChange={(e) => setAutoPublish(e.target.checked)} />
          {t("start.autoPublish")}
        </label>
      </div>
      {recipe === "weak_to_strong" && (
        <div className="row">
          <label className="field">
            {t("start.weakLine")}
            <select value={weakLine || chosenLine} onChange={(e) => setWeakLine(e.target.value)}>
              {lines.data?.results.map((l) => (
                <option key={l.slug} value={l.slug}>
                  {l.name}
                </option>
              ))}
            </select>
          </label>
          <VersionSelect
            label={t("start.weakVersion")}
            line={weakLine || chosenLine}
            value={weakVersion}
            onChange={setWeakVersion}
            emptyLabel={t("start.chooseVersion")}
            errors={[]}
            errorsId="weak-version-errors"
          />
          <label className="field">
            {t("start.labelNoise")}
            <input inputMode="decimal" value={labelNoise} onChange={(e) => setLabelNoise(e.target.value)} />
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={qaItems} onChange={(e) => setQaItems(e.target.checked)} />
            {t("start.qaItems")}
          </label>
        </div>
      )}
      {recipe === "alternating" && (
        <div className="row">
          <label className="field">
            {t("start.conformity")}
            <input inputMode="numeric" value={conformity} onChange={(e) => setConformity(e.target.value)} />
          </label>
          <label className="field">
            {t("start.schedule")}
            <input value={schedule} onChange={(e) => setSchedule(e.target.value)} />
          </label>
        </div>
      )}
      <ErrorMessage error={start.error} />
      <div>
        <button type="submit" disabled={start.isPending || !chosenLine}>
          {t("start.submit")}
        </button>
      </div>
    </form>
  );
}
