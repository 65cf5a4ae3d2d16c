import { useState } from "react";
import { ErrorMessage, FieldErrors } from "../../../components/ErrorMessage";
import { ApiError } from "../../../lib/api/errors";
import { useImportPrompts, useRequestAttacks, useTaxonomies } from "../hooks/useSetup";

function ImportForm({ campaign }: { campaign: number }) {
  const upload = useImportPrompts(campaign);
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<"prompts" | "ailuminate">("prompts");
  const fileErrors = upload.error instanceof ApiError ? upload.error.fieldErrors("file") : [];
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (file) upload.mutate({ file, format });
      }}
    >
      <label>
        Prompt file (CSV or JSONL with columns prompt, id, category)
        <input
          type="file"
          accept=".csv,.jsonl"
          aria-describedby={`import-${campaign}-errors`}
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </label>
      <FieldErrors id={`import-${campaign}-errors`} messages={fileErrors} />
      <label>
        Format
        <select value={format} onChange={(e) => setFormat(e.target.value as "prompts" | "ailuminate")}>
          <option value="prompts">Prompts (CSV/JSONL)</option>
          <option value="ailuminate">AILuminate CSV</option>
        </select>
      </label>
      <button type="submit" disabled={file === null || upload.isPending}>
        Import
      </button>
      {upload.isSuccess && <span className="muted"> Imported {upload.data} prompts.</span>}
      <ErrorMessage error={upload.error} />
    </form>
  );
}

function AttackerForm({ campaign, taxonomyNumber }: { campaign: number; taxonomyNumber: number | undefined }) {
  const taxonomies = useTaxonomies();
  const attack = useRequestAttacks(campaign);
  const [chosen, setChosen] = useState("");
  const [count, setCount] = useState(4);
  // The campaign's own taxonomy version, whose codes the attacks are filed under.
  const categories = taxonomies.data?.find((t) => t.number === taxonomyNumber)?.categories ?? [];
  const category = chosen || categories[0]?.code || "";
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        attack.mutate({ category, count });
      }}
    >
      <label>
        AI attacker: category
        <select value={category} onChange={(e) => setChosen(e.target.value)}>
          {categories.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Prompts
        <input type="number" min={1} max={20} value={count} onChange={(e) => setCount(Number(e.target.value))} />
      </label>
      <button type="submit" disabled={!category || attack.isPending}>
        Generate attacks
      </button>
      {attack.isSuccess && <span className="muted"> Queued: prompts arrive with their responses.</span>}
      <ErrorMessage error={attack.error} />
    </form>
  );
}

/** Where a campaign's prompts come from besides raters' attacks: files and the AI attacker. */
export function PromptSources({ campaign, taxonomyNumber }: { campaign: number; taxonomyNumber: number | undefined }) {
  return (
    <section aria-label="Prompt sources">
      <ImportForm campaign={campaign} />
      <AttackerForm campaign={campaign} taxonomyNumber={taxonomyNumber} />
    </section>
  );
}
