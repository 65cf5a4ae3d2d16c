import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { ErrorMessage, FieldErrors } from "../../../components/ErrorMessage";
import { ApiError } from "../../../lib/api/errors";
import { useLineVersions } from "../hooks/useCampaignActions";
import { useCreateCampaign, useLines } from "../hooks/useSetup";

/**
 * A researcher starts a campaign against a model line: its published version
 * unless a specific version is chosen (an empty choice means "published").
 */
export function NewCampaignForm() {
  const lines = useLines();
  const create = useCreateCampaign();
  const navigate = useNavigate();
  const { t } = useTranslation("hazards");
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [line, setLine] = useState("redteam-target");
  const [version, setVersion] = useState("");
  const [labelsPerItem, setLabelsPerItem] = useState(3);
  const [maxNewTokens, setMaxNewTokens] = useState(128);
  const versions = useLineVersions(line);
  const errors = (field: string) => (create.error instanceof ApiError ? create.error.fieldErrors(field) : []);
  return (
    <details>
      <summary>{t("newCampaign.summary")}</summary>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate(
            {
              name,
              description,
              line,
              ...(version ? { version: Number(version) } : {}),
              labels_per_item: labelsPerItem,
              max_new_tokens: maxNewTokens,
            },
            { onSuccess: (campaign) => void navigate(`/hazards/campaigns/${campaign.id}`) },
          );
        }}
      >
        <label>
          {t("newCampaign.name")}
          <input value={name} onChange={(e) => setName(e.target.value)} aria-describedby="new-campaign-name-errors" />
        </label>
        <FieldErrors id="new-campaign-name-errors" messages={errors("name")} />
        <label>
          {t("newCampaign.description")}
          <textarea value={description} onChange={(e) => setDescription(e.target.value)} rows={2} />
        </label>
        <label>
          {t("newCampaign.line")}
          <select
            value={line}
            onChange={(e) => {
              setLine(e.target.value);
              setVersion("");
            }}
          >
            {lines.data?.map((l) => (
              <option key={l.slug} value={l.slug}>
                {l.name || l.slug}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("newCampaign.version")}
          <select value={version} onChange={(e) => setVersion(e.target.value)}>
            <option value="">{t("newCampaign.published")}</option>
            {versions.data?.map((v) => (
              <option key={v.id} value={v.id}>
                {t("versionOption", { line, number: v.number, status: t(`versionStatus.${v.status}`) })}
              </option>
            ))}
          </select>
        </label>
        <FieldErrors id="new-campaign-version-errors" messages={[...errors("line"), ...errors("version")]} />
        <label>
          {t("newCampaign.labelsPerItem")}
          <input
            type="number"
            min={1}
            max={10}
            value={labelsPerItem}
            onChange={(e) => setLabelsPerItem(Number(e.target.value))}
          />
        </label>
        <label>
          {t("newCampaign.maxNewTokens")}
          <input
            type="number"
            min={1}
            max={1024}
            value={maxNewTokens}
            onChange={(e) => setMaxNewTokens(Number(e.target.value))}
          />
        </label>
        <button type="submit" disabled={create.isPending}>
          {t("newCampaign.create")}
        </button>
        <ErrorMessage error={create.error} />
      </form>
    </details>
  );
}
