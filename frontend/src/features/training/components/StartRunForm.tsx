import { useState, type FormEvent } from "react";
import { ErrorMessage, FieldErrors } from "../../../components/ErrorMessage";
import { ApiError } from "../../../lib/api/errors";
import type { Run } from "../api/loop";
import { useLines, useStartRun } from "../hooks/useLoop";

const RECIPES = [
  { value: "dpo", label: "DPO (preference pairs)", format: "preference" },
  { value: "reward", label: "Reward model (preference pairs)", format: "preference" },
  { value: "sft", label: "SFT (demonstrations)", format: "sft" },
] as const;

/** Admins start a run: line, recipe, base version, the dataset recipe and a few settings. */
export function StartRunForm({ onStarted }: { onStarted: (run: Run) => void }) {
  const lines = useLines();
  const start = useStartRun();
  const [line, setLine] = useState("");
  const [recipe, setRecipe] = useState<(typeof RECIPES)[number]["value"]>("dpo");
  const [base, setBase] = useState("");
  const [kinds, setKinds] = useState("preference");
  const [steps, setSteps] = useState("50");
  const [autoPublish, setAutoPublish] = useState(false);
  const error = start.error instanceof ApiError ? start.error : null;
  const chosenLine = line || lines.data?.results[0]?.slug || "";

  function submit(event: FormEvent) {
    event.preventDefault();
    const format = RECIPES.find((r) => r.value === recipe)?.format ?? "preference";
    start.mutate(
      {
        line: chosenLine,
        recipe,
        base_version: base ? Number(base) : null,
        dataset_recipe: {
          kinds: kinds.split(",").map((k) => k.trim()).filter(Boolean),
          format,
        },
        config: { max_steps: Number(steps) },
        auto_publish: autoPublish,
      },
      { onSuccess: onStarted },
    );
  }

  return (
    <form onSubmit={submit} className="stack" aria-labelledby="start-run-heading">
      <h2 id="start-run-heading">Start a training run</h2>
      <div className="row">
        <label className="field">
          Model line
          <select value={chosenLine} onChange={(e) => setLine(e.target.value)}>
            {lines.data?.results.map((l) => (
              <option key={l.slug} value={l.slug}>
                {l.name}
              </option>
            ))}
          </select>
          <FieldErrors id="line-errors" messages={error?.fieldErrors("line") ?? []} />
        </label>
        <label className="field">
          Recipe
          <select value={recipe} onChange={(e) => setRecipe(e.target.value as typeof recipe)}>
            {RECIPES.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          Base version id (empty: the published one)
          <input inputMode="numeric" value={base} onChange={(e) => setBase(e.target.value)} />
          <FieldErrors id="base-errors" messages={error?.fieldErrors("base_version") ?? []} />
        </label>
      </div>
      <div className="row">
        <label className="field">
          Signal kinds (comma-separated)
          <input value={kinds} onChange={(e) => setKinds(e.target.value)} />
          <FieldErrors
            id="kinds-errors"
            messages={[...(error?.fieldErrors("kinds") ?? []), ...(error?.fieldErrors("snapshot") ?? [])]}
          />
        </label>
        <label className="field">
          Steps
          <input inputMode="numeric" value={steps} onChange={(e) => setSteps(e.target.value)} />
          <FieldErrors id="config-errors" messages={error?.fieldErrors("config") ?? []} />
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={autoPublish} onChange={(e) => setAutoPublish(e.target.checked)} />
          Publish when it passes the gates
        </label>
      </div>
      <ErrorMessage error={start.error} />
      <div>
        <button type="submit" disabled={start.isPending || !chosenLine}>
          Start run
        </button>
      </div>
    </form>
  );
}
