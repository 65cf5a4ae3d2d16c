import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorMessage } from "../../../components/ErrorMessage";
import type { Campaign } from "../api/hazards";
import { useAILabels, useLineVersions, useRerun } from "../hooks/useCampaignActions";

function VersionAction({
  line,
  label,
  action,
}: {
  line: string;
  label: string;
  action: ReturnType<typeof useRerun> | ReturnType<typeof useAILabels>;
}) {
  const versions = useLineVersions(line);
  const { t } = useTranslation("hazards");
  const [chosen, setChosen] = useState<number | null>(null);
  const selected = chosen ?? versions.data?.[0]?.id ?? null;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (selected !== null) action.mutate(selected);
      }}
    >
      <label>
        {label}{" "}
        <select value={selected ?? ""} onChange={(e) => setChosen(Number(e.target.value))}>
          {versions.data?.map((v) => (
            <option key={v.id} value={v.id}>
              {t("versionOption", { line, number: v.number, status: t(`versionStatus.${v.status}`) })}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={selected === null || action.isPending}>
        {t("actions.go")}
      </button>
      {action.isSuccess && <span className="muted"> {t("actions.queued")}</span>}
      <ErrorMessage error={action.error} />
    </form>
  );
}

/** Re-run the same prompts on another version of the target line; have a judge label responses. */
export function CampaignActions({ campaign }: { campaign: Campaign }) {
  const rerun = useRerun(campaign.id);
  const aiLabels = useAILabels(campaign.id);
  const { t } = useTranslation("hazards");
  return (
    <section aria-label={t("actions.label")}>
      {campaign.target_line && (
        <VersionAction line={campaign.target_line} label={t("actions.rerun")} action={rerun} />
      )}
      <VersionAction line="judge" label={t("actions.judge")} action={aiLabels} />
    </section>
  );
}
