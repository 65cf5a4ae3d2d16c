import { useState } from "react";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { Loading } from "../../../components/Loading";
import { DraftError, type Taxonomy } from "../api/hazards";
import { useCreateTaxonomy, useTaxonomies } from "../hooks/useSetup";

type CategoryDraft = { code: string; name: string; definition: string; examples: string };
type LevelDraft = { level: number; label: string; description: string };

/** Editing never changes a stored version: saving posts the draft as the next version. */
function Editor({ current }: { current: Taxonomy }) {
  const save = useCreateTaxonomy();
  const [note, setNote] = useState("");
  const [categories, setCategories] = useState<CategoryDraft[]>(() =>
    current.categories.map((c) => ({ ...c, examples: c.examples.join("\n") })),
  );
  const [levels, setLevels] = useState<LevelDraft[]>(() =>
    current.severity_scale.map((l) => ({ ...l, description: l.description ?? "" })),
  );
  const editCategory = (index: number, change: Partial<CategoryDraft>) =>
    setCategories((cs) => cs.map((c, i) => (i === index ? { ...c, ...change } : c)));
  const editLevel = (index: number, change: Partial<LevelDraft>) =>
    setLevels((ls) => ls.map((l, i) => (i === index ? { ...l, ...change } : l)));

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({
          note,
          categories: categories.map((c) => ({
            ...c,
            examples: c.examples
              .split("\n")
              .map((x) => x.trim())
              .filter(Boolean),
          })),
          severity_scale: levels,
        });
      }}
    >
      <h3>Categories</h3>
      {categories.map((c, i) => (
        <fieldset key={i}>
          <legend>Category {i + 1}</legend>
          <label>
            Code
            <input value={c.code} onChange={(e) => editCategory(i, { code: e.target.value })} />
          </label>
          <label>
            Name
            <input value={c.name} onChange={(e) => editCategory(i, { name: e.target.value })} />
          </label>
          <label>
            Definition
            <textarea value={c.definition} onChange={(e) => editCategory(i, { definition: e.target.value })} />
          </label>
          <label>
            Examples (one per line)
            <textarea value={c.examples} onChange={(e) => editCategory(i, { examples: e.target.value })} />
          </label>
          <button type="button" onClick={() => setCategories((cs) => cs.filter((_, j) => j !== i))}>
            Remove category {i + 1}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        onClick={() => setCategories((cs) => [...cs, { code: "", name: "", definition: "", examples: "" }])}
      >
        Add category
      </button>
      <h3>Severity scale</h3>
      {levels.map((l, i) => (
        <fieldset key={i}>
          <legend>Severity level {i + 1}</legend>
          <label>
            Level
            <input type="number" min={0} max={10} value={l.level} onChange={(e) => editLevel(i, { level: Number(e.target.value) })} />
          </label>
          <label>
            Label
            <input value={l.label} onChange={(e) => editLevel(i, { label: e.target.value })} />
          </label>
          <label>
            Description
            <input value={l.description} onChange={(e) => editLevel(i, { description: e.target.value })} />
          </label>
          <button type="button" onClick={() => setLevels((ls) => ls.filter((_, j) => j !== i))}>
            Remove level {i + 1}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        onClick={() =>
          setLevels((ls) => [...ls, { level: Math.max(-1, ...ls.map((x) => x.level)) + 1, label: "", description: "" }])
        }
      >
        Add level
      </button>
      <label>
        What changed (note)
        <input value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      <button type="submit" disabled={save.isPending}>
        Save as version {current.number + 1}
      </button>
      {save.isSuccess && <span className="muted"> Saved version {save.data.number}.</span>}
      <ErrorMessage error={save.error} />
      {save.error instanceof DraftError && (
        <ul className="field-errors">
          {save.error.messages.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
    </form>
  );
}

export function TaxonomyEditor() {
  const taxonomies = useTaxonomies();
  const current = taxonomies.data?.[0];
  return (
    <details>
      <summary>Hazard taxonomy{current ? ` (version ${current.number})` : ""}</summary>
      {taxonomies.isPending && <Loading />}
      <ErrorMessage error={taxonomies.error} />
      {/* Keyed by version so that a saved version becomes the new starting draft. */}
      {current && <Editor key={current.number} current={current} />}
    </details>
  );
}
