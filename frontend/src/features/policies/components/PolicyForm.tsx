import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ErrorMessage, FieldErrors } from "../../../components/ErrorMessage";
import { ApiError } from "../../../lib/api/errors";
import type { Policy } from "../api/policies";
import { useSavePolicy } from "../hooks/usePolicies";
import { GATES, RECIPES } from "./gates";

function jsonText(value: unknown): string {
  return JSON.stringify(value ?? {}, null, 2);
}

/** An object parsed from JSON text, or why it is not one (a key under "form"). */
function parseObject(text: string): { value: Record<string, unknown> } | { problem: "notObject" | "notJson" } {
  try {
    const value: unknown = JSON.parse(text || "{}");
    if (typeof value === "object" && value !== null && !Array.isArray(value)) {
      return { value: value as Record<string, unknown> };
    }
    return { problem: "notObject" };
  } catch {
    return { problem: "notJson" };
  }
}

/** Admins set a line's gates and periodic-training trigger. */
export function PolicyForm({ policy }: { policy: Policy }) {
  const save = useSavePolicy(policy.line);
  const { t } = useTranslation("policies");
  const [gates, setGates] = useState<Record<string, string>>(() =>
    Object.fromEntries(GATES.map((gate) => [gate, policy.gates[gate]?.toString() ?? ""])),
  );
  const [autoTrain, setAutoTrain] = useState(policy.auto_train);
  const [every, setEvery] = useState(String(policy.check_every_minutes));
  const [minSignals, setMinSignals] = useState(String(policy.min_new_signals));
  const [recipe, setRecipe] = useState(policy.recipe);
  const [autoPublish, setAutoPublish] = useState(policy.auto_publish);
  const [perSubset, setPerSubset] = useState(policy.eval_llmbar_per_subset?.toString() ?? "");
  const [datasetRecipe, setDatasetRecipe] = useState(jsonText(policy.dataset_recipe));
  const [trainingConfig, setTrainingConfig] = useState(jsonText(policy.training_config));
  const [saved, setSaved] = useState(false);
  const parsedRecipe = parseObject(datasetRecipe);
  const parsedConfig = parseObject(trainingConfig);
  const error = save.error instanceof ApiError ? save.error : null;
  const fieldErrors = (field: string) => error?.fieldErrors(field) ?? [];

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!("value" in parsedRecipe) || !("value" in parsedConfig)) return;
    setSaved(false);
    save.mutate(
      {
        // An empty threshold leaves the gate unchecked.
        gates: Object.fromEntries(
          Object.entries(gates)
            .filter(([, value]) => value.trim() !== "")
            .map(([name, value]) => [name, Number(value)]),
        ),
        auto_train: autoTrain,
        check_every_minutes: Number(every),
        min_new_signals: Number(minSignals),
        recipe,
        auto_publish: autoPublish,
        eval_llmbar_per_subset: perSubset.trim() ? Number(perSubset) : null,
        dataset_recipe: parsedRecipe.value,
        training_config: parsedConfig.value,
      },
      { onSuccess: () => setSaved(true) },
    );
  }

  return (
    <form onSubmit={submit} className="stack" aria-labelledby="policy-form-heading">
      <h3 id="policy-form-heading">{t("form.title", { line: policy.line })}</h3>
      <fieldset>
        <legend>{t("form.gates")}</legend>
        <div className="row">
          {GATES.map((gate) => (
            <label key={gate} className="field">
              {t(`gates.${gate}`)}
              <input
                inputMode="decimal"
                value={gates[gate] ?? ""}
                onChange={(e) => setGates({ ...gates, [gate]: e.target.value })}
              />
            </label>
          ))}
        </div>
        <FieldErrors id="policy-gates-errors" messages={fieldErrors("gates")} />
      </fieldset>
      <fieldset>
        <legend>{t("trigger.title")}</legend>
        <div className="row">
          <label className="checkbox">
            <input type="checkbox" checked={autoTrain} onChange={(e) => setAutoTrain(e.target.checked)} />
            {t("form.autoTrain")}
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={autoPublish} onChange={(e) => setAutoPublish(e.target.checked)} />
            {t("form.autoPublish")}
          </label>
        </div>
        <div className="row">
          <label className="field">
            {t("form.every")}
            <input inputMode="numeric" value={every} onChange={(e) => setEvery(e.target.value)} />
            <FieldErrors id="policy-every-errors" messages={fieldErrors("check_every_minutes")} />
          </label>
          <label className="field">
            {t("form.minSignals")}
            <input inputMode="numeric" value={minSignals} onChange={(e) => setMinSignals(e.target.value)} />
            <FieldErrors id="policy-signals-errors" messages={fieldErrors("min_new_signals")} />
          </label>
          <label className="field">
            {t("form.recipe")}
            <select value={recipe} onChange={(e) => setRecipe(e.target.value as typeof recipe)}>
              {RECIPES.map((r) => (
                <option key={r} value={r}>
                  {t(`recipes.${r}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            {t("form.perSubset")}
            <input inputMode="numeric" value={perSubset} onChange={(e) => setPerSubset(e.target.value)} />
            <FieldErrors id="policy-llmbar-errors" messages={fieldErrors("eval_llmbar_per_subset")} />
          </label>
        </div>
        <div className="row">
          <label className="field">
            {t("form.datasetRecipe")}
            <textarea rows={5} value={datasetRecipe} onChange={(e) => setDatasetRecipe(e.target.value)} />
            <FieldErrors
              id="policy-recipe-errors"
              messages={[
                ...("problem" in parsedRecipe ? [t(`form.${parsedRecipe.problem}`)] : []),
                ...fieldErrors("dataset_recipe"),
                ...fieldErrors("kinds"),
              ]}
            />
          </label>
          <label className="field">
            {t("form.trainingConfig")}
            <textarea rows={5} value={trainingConfig} onChange={(e) => setTrainingConfig(e.target.value)} />
            <FieldErrors
              id="policy-config-errors"
              messages={[
                ...("problem" in parsedConfig ? [t(`form.${parsedConfig.problem}`)] : []),
                ...fieldErrors("training_config"),
                ...fieldErrors("config"),
              ]}
            />
          </label>
        </div>
      </fieldset>
      <ErrorMessage error={save.error} />
      {saved && <p role="status">{t("form.saved")}</p>}
      <div>
        <button type="submit" disabled={save.isPending}>
          {t("form.save")}
        </button>
      </div>
    </form>
  );
}
