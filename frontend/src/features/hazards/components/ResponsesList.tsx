import { useTranslation } from "react-i18next";
import { formatCount } from "../../../lib/format";
import { useCampaignResponses } from "../hooks/useCampaignActions";
import { GoldImport, GoldToggle } from "./GoldToggle";

/** Responses as they are generated: streamed text until the stored text arrives. */
export function ResponsesList({ campaign }: { campaign: number }) {
  const responses = useCampaignResponses(campaign);
  const { t } = useTranslation("hazards");
  if (!responses.data) return null;
  return (
    <details>
      <summary>{t("responses.summary", { n: formatCount(responses.data.length) })}</summary>
      <p className="muted">{t("responses.warning")}</p>
      <GoldImport campaign={campaign} />
      <table>
        <thead>
          <tr>
            <th>{t("responses.prompt")}</th>
            <th>{t("responses.producer")}</th>
            <th>{t("responses.status")}</th>
            <th>{t("responses.response")}</th>
            <th>{t("responses.labels")}</th>
            <th>{t("gold.column")}</th>
          </tr>
        </thead>
        <tbody>
          {responses.data.map((r) => (
            <tr key={r.id}>
              <td>{r.prompt_text}</td>
              <td>{r.producer_name}</td>
              <td>{t(`responseStatus.${r.status}`)}</td>
              <td>{r.status === "done" ? r.text : (responses.streams[r.id] ?? "")}</td>
              <td>{t("responses.labelCounts", { human: r.human_labels, ai: r.ai_labels })}</td>
              <td>
                <GoldToggle campaign={campaign} response={r.id} gold={r.gold_harmful} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
