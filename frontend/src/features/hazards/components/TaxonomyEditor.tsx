import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { Loading } from "../../../components/Loading";
import { DraftError, type Taxonomy } from "../api/hazards";
import { useCreateTaxonomy, useTaxonomies } from "../hooks/useSetup";

type CategoryDraft = { code: string; name: string; definition: string; examples: string };
type LevelDraft = { level: number; label: string; description: string };

/** Editing never changes a stored version: saving posts the draft as the next version. */
function Editor({ current }: { current: Taxonomy }) {
  const save = useCreateTaxonomy();
  const { t } = useTranslation("hazards");
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
      <h3>{t("taxonomy.categories")}</h3>
      {categories.map((c, i) => (
        <fieldset key={i}>
          <legend>{t("taxonomy.category", { n: i + 1 })}</legend>
          <label>
            {t("taxonomy.code")}
            <input value={c.code} onChange={(e) => editCategory(i, { code: e.target.value })} />
          </label>
          <label>
            {t("taxonomy.name")}
            <input value={c.name} onChange={(e) => editCategory(i, { name: e.target.value })} />
          </label>
          <label>
            {t("taxonomy.definition")}
            <textarea value={c.definition} onChange={(e) => editCategory(i, { definition: e.target.value })} />
          </label>
          <label>
            {t("taxonomy.examples")}
            <textarea value={c.examples} onChange={(e) => editCategory(i, { examples: e.target.value })} />
          </label>
          <button type="button" onClick={() => setCategories((cs) => cs.filter((_, j) => j !== i))}>
            {t("taxonomy.removeCategory", { n: i + 1 })}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        onClick={() => setCategories((cs) => [...cs, { code: "", name: "", definition: "", examples: "" }])}
      >
        {t("taxonomy.addCategory")}
      </button>
      <h3>{t("taxonomy.severityScale")}</h3>
      {levels.map((l, i) => (
        <fieldset key={i}>
          <legend>{t("taxonomy.level", { n: i + 1 })}</legend>
          <label>
            {t("taxonomy.levelValue")}
            <input type="number" min={0} max={10} value={l.level} onChange={(e) => editLevel(i, { level: Number(e.target.value) })} />
          </label>
          <label>
            {t("taxonomy.levelLabel")}
            <input value={l.label} onChange={(e) => editLevel(i, { label: e.target.value })} />
          </label>
          <label>
            {t("taxonomy.levelDescription")}
            <input value={l.description} onChange={(e) => editLevel(i, { description: e.target.value })} />
          </label>
          <button type="button" onClick={() => setLevels((ls) => ls.filter((_, j) => j !== i))}>
            {t("taxonomy.removeLevel", { n: i + 1 })}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        onClick={() =>
          setLevels((ls) => [...ls, { level: Math.max(-1, ...ls.map((x) => x.level)) + 1, label: "", description: "" }])
        }
      >
        {t("taxonomy.addLevel")}
      </button>
      <label>
        {t("taxonomy.note")}
        <input value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      <button type="submit" disabled={save.isPending}>
        {t("taxonomy.save", { number: current.number + 1 })}
      </button>
      {save.isSuccess && <span className="muted"> {t("taxonomy.saved", { number: save.data.number })}</span>}
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
  const { t } = useTranslation("hazards");
  return (
    <details>
      <summary>
        {current ? t("taxonomy.summaryVersion", { number: current.number }) : t("taxonomy.summary")}
      </summary>
      {taxonomies.isPending && <Loading />}
      <ErrorMessage error={taxonomies.error} />
      {/* Keyed by version so that a saved version becomes the new starting draft. */}
      {current && <Editor key={current.number} current={current} />}
    </details>
  );
}
