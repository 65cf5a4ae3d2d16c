import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorMessage, FieldErrors } from "../../../components/ErrorMessage";
import { ApiError } from "../../../lib/api/errors";
import { useImportPrompts, useRequestAttacks, useTaxonomies } from "../hooks/useSetup";

function ImportForm({ campaign }: { campaign: number }) {
  const upload = useImportPrompts(campaign);
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<"prompts" | "ailuminate">("prompts");
  const { t } = useTranslation("hazards");
  const fileErrors = upload.error instanceof ApiError ? upload.error.fieldErrors("file") : [];
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (file) upload.mutate({ file, format });
      }}
    >
      <label>
        {t("sources.file")}
        <input
          type="file"
          accept=".csv,.jsonl"
          aria-describedby={`import-${campaign}-errors`}
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </label>
      <FieldErrors id={`import-${campaign}-errors`} messages={fileErrors} />
      <label>
        {t("sources.format")}
        <select value={format} onChange={(e) => setFormat(e.target.value as "prompts" | "ailuminate")}>
          <option value="prompts">{t("sources.formatPrompts")}</option>
          <option value="ailuminate">{t("sources.formatAiluminate")}</option>
        </select>
      </label>
      <button type="submit" disabled={file === null || upload.isPending}>
        {t("sources.import")}
      </button>
      {upload.isSuccess && <span className="muted"> {t("sources.imported", { n: upload.data })}</span>}
      <ErrorMessage error={upload.error} />
    </form>
  );
}

function AttackerForm({ campaign, taxonomyNumber }: { campaign: number; taxonomyNumber: number | undefined }) {
  const taxonomies = useTaxonomies();
  const attack = useRequestAttacks(campaign);
  const [chosen, setChosen] = useState("");
  const [count, setCount] = useState(4);
  const { t } = useTranslation("hazards");
  // The campaign's own taxonomy version, whose codes the attacks are filed under.
  const categories = taxonomies.data?.find((taxonomy) => taxonomy.number === taxonomyNumber)?.categories ?? [];
  const category = chosen || categories[0]?.code || "";
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        attack.mutate({ category, count });
      }}
    >
      <label>
        {t("sources.attackerCategory")}
        <select value={category} onChange={(e) => setChosen(e.target.value)}>
          {categories.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("sources.count")}
        <input type="number" min={1} max={20} value={count} onChange={(e) => setCount(Number(e.target.value))} />
      </label>
      <button type="submit" disabled={!category || attack.isPending}>
        {t("sources.generate")}
      </button>
      {attack.isSuccess && <span className="muted"> {t("sources.queued")}</span>}
      <ErrorMessage error={attack.error} />
    </form>
  );
}

/** Where a campaign's prompts come from besides raters' attacks: files and the AI attacker. */
export function PromptSources({ campaign, taxonomyNumber }: { campaign: number; taxonomyNumber: number | undefined }) {
  const { t } = useTranslation("hazards");
  return (
    <section aria-label={t("sources.label")}>
      <ImportForm campaign={campaign} />
      <AttackerForm campaign={campaign} taxonomyNumber={taxonomyNumber} />
    </section>
  );
}
