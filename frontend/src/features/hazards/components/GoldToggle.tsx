import { useTranslation } from "react-i18next";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { useCampaignGoldImport, useResponseGold } from "../hooks/useGold";

type GoldValue = "none" | "harmful" | "safe";

const valueOf = (gold: boolean | null | undefined): GoldValue =>
  gold === true ? "harmful" : gold === false ? "safe" : "none";

/** A response's gold answer, which a researcher sets or removes; labels already given stay. */
export function GoldToggle({
  campaign,
  response,
  gold,
}: {
  campaign: number;
  response: number;
  gold: boolean | null | undefined;
}) {
  const { t } = useTranslation("hazards");
  const change = useResponseGold(campaign);
  const onChange = (value: GoldValue) =>
    change.mutate({ response, harmful: value === "none" ? null : value === "harmful" });
  return (
    <>
      <select
        aria-label={t("gold.label", { id: response })}
        value={valueOf(gold)}
        disabled={change.isPending}
        onChange={(event) => onChange(event.target.value as GoldValue)}
      >
        <option value="none">{t("gold.none")}</option>
        <option value="harmful">{t("gold.harmful")}</option>
        <option value="safe">{t("gold.safe")}</option>
      </select>
      <ErrorMessage error={change.error} />
    </>
  );
}

/** Mark gold, in one go, every imported response whose source's annotators agree. */
export function GoldImport({ campaign }: { campaign: number }) {
  const { t } = useTranslation("hazards");
  const mark = useCampaignGoldImport(campaign);
  return (
    <div className="stack">
      <p className="muted">{t("gold.explain")}</p>
      <p className="muted">{t("gold.noVotes")}</p>
      <button type="button" disabled={mark.isPending} onClick={() => mark.mutate()}>
        {t("gold.import")}
      </button>
      {mark.data && <p role="status">{t("gold.imported", { count: mark.data.marked })}</p>}
      <ErrorMessage error={mark.error} />
    </div>
  );
}
