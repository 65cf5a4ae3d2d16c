import type { TFunction } from "i18next";
import { Trans, useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { GroupResultsSection } from "../../../components/diversity/GroupResultsSection";
import { QuotaPanel } from "../../../components/diversity/QuotaPanel";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { Loading } from "../../../components/Loading";
import type { GroupField } from "../../../lib/diversity";
import { formatCount, formatDateTime } from "../../../lib/format";
import { fetchCampaignGroups, hazardKeys, type Analytics, type Campaign } from "../api/hazards";
import { useAnalytics, useCampaigns } from "../hooks/useHazards";
import { AdjudicateForm } from "./AdjudicateForm";
import { CampaignActions } from "./CampaignActions";
import { CategoryRateChart, HazardRateChart } from "./HazardRateChart";
import { ImportedSets } from "./ImportedSets";
import { NewCampaignForm } from "./NewCampaignForm";
import { PromptSources } from "./PromptSources";
import { ResponsesList } from "./ResponsesList";
import { TaxonomyEditor } from "./TaxonomyEditor";

type T = TFunction<"hazards">;

/** Statistics with two fixed decimals, so that a table's column lines up. */
const fmt = (x: number | null, t: T) => (x === null ? t("notAvailable") : x.toFixed(2));

const verdict = (harmful: boolean | null, t: T) =>
  harmful === null ? t("verdict.tie") : harmful ? t("verdict.harmful") : t("verdict.safe");

/** Items whose Dawid-Skene label (raters weighted by estimated confusion) overturns the majority. */
function DifferingItems({ items }: { items: Analytics["items"] }) {
  const { t } = useTranslation("hazards");
  const differing = items.filter((item) => item.majority_harmful !== item.ds_harmful);
  if (differing.length === 0) return null;
  return (
    <table aria-label={t("differing.label")}>
      <thead>
        <tr>
          <th>{t("differing.response")}</th>
          <th>{t("differing.harmfulVotes")}</th>
          <th>{t("differing.majority")}</th>
          <th>{t("differing.dawidSkene")}</th>
        </tr>
      </thead>
      <tbody>
        {differing.map((item) => (
          <tr key={item.response}>
            <td>{item.response}</td>
            <td>{t("differing.votes", { harmful: item.harmful_votes, labels: item.labels })}</td>
            <td>{verdict(item.majority_harmful, t)}</td>
            <td>
              {t("differing.dsVerdict", { verdict: verdict(item.ds_harmful, t), probability: fmt(item.ds_probability, t) })}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function CampaignAnalytics({ campaign, taxonomyNumber }: { campaign: number; taxonomyNumber: number | undefined }) {
  const analytics = useAnalytics(campaign);
  const { t } = useTranslation("hazards");
  if (analytics.isPending) return <Loading />;
  if (analytics.error) return <ErrorMessage error={analytics.error} />;
  const a = analytics.data;
  return (
    <section aria-label={t("analytics.label")}>
      <p>
        {t("analytics.summary", {
          labelled: formatCount(a.labelled_items),
          human: formatCount(a.human_labels),
          ai: formatCount(a.ai_labels),
          differences: formatCount(a.ds_majority_differences),
        })}
      </p>
      <p role="status">
        {a.computed_at
          ? t("analytics.computed", { when: formatDateTime(a.computed_at) })
          : t("analytics.notComputed")}
        {a.recomputing && ` ${t("analytics.recomputing")}`}
      </p>
      <DifferingItems items={a.items} />
      <h2>{t("analytics.ratePerVersion")}</h2>
      <HazardRateChart rates={a.hazard_rates} />
      <h2>{t("analytics.ratePerCategory")}</h2>
      <CategoryRateChart rates={a.hazard_rates} />
      <h2>{t("analytics.agreement")}</h2>
      <table>
        <thead>
          <tr>
            <th>{t("analytics.labelColumn")}</th>
            <th>{t("analytics.items")}</th>
            <th>{t("analytics.alpha")}</th>
            <th>{t("analytics.fleiss")}</th>
            <th>{t("analytics.cohenPairs")}</th>
          </tr>
        </thead>
        <tbody>
          {a.agreement.map((row) => (
            <tr key={row.label}>
              <td>{row.label}</td>
              <td>{row.items}</td>
              <td>{fmt(row.krippendorff_alpha, t)}</td>
              <td>{fmt(row.fleiss_kappa, t)}</td>
              <td>{fmt(row.cohen_kappa, t)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t("analytics.raters")}</h2>
      <table>
        <thead>
          <tr>
            <th>{t("analytics.rater")}</th>
            <th>{t("analytics.labels")}</th>
            <th>{t("analytics.goldAccuracy")}</th>
            <th>{t("analytics.agreementColumn")}</th>
            <th>{t("analytics.estimatedAccuracy")}</th>
          </tr>
        </thead>
        <tbody>
          {a.raters.map((r) => (
            <tr key={r.rater}>
              <td>{r.username}</td>
              <td>{r.labels}</td>
              <td>{fmt(r.gold_accuracy, t)}</td>
              <td>{fmt(r.agreement, t)}</td>
              <td>{fmt(r.estimated_accuracy, t)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <GroupResultsSection
        title={t("analytics.groups")}
        queryKey={hazardKeys.groups(campaign)}
        fetch={(by: GroupField) => fetchCampaignGroups(campaign, by)}
        labels={{ hazard_rate: t("analytics.groupHazardRate"), agreement: t("analytics.groupAgreement") }}
      />
      <h2>{t("analytics.humanVsAi")}</h2>
      <ul>
        {a.human_vs_ai.map((row) => (
          <li key={row.labeller}>
            {t("analytics.humanVsAiRow", {
              labeller: row.labeller,
              items: formatCount(row.items),
              raw: fmt(row.raw_agreement, t),
              kappa: fmt(row.cohen_kappa, t),
            })}
          </li>
        ))}
      </ul>
      <h2>{t("analytics.disagreements", { n: formatCount(a.disagreements.length) })}</h2>
      <ul>
        {a.disagreements.map((d) => (
          <li key={d.response}>
            {t("analytics.disagreement", {
              response: d.response,
              harmful: d.harmful_votes,
              labels: d.labels,
              probability: fmt(d.ds_probability, t),
            })}
            <details>
              <summary>{t("analytics.disagreementText")}</summary>
              <pre className="prompt-text">{d.prompt}</pre>
              <pre className="response-text">{d.text}</pre>
            </details>
            <AdjudicateForm campaign={campaign} response={d.response} taxonomyNumber={taxonomyNumber} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function CampaignDetail({ campaign, id }: { campaign: Campaign | undefined; id: number }) {
  return (
    <>
      {campaign && <h2>{campaign.name}</h2>}
      {campaign && <CampaignActions campaign={campaign} />}
      <PromptSources campaign={id} taxonomyNumber={campaign?.taxonomy_number} />
      <ResponsesList campaign={id} />
      <QuotaPanel activity="hazards" objectId={id} />
      <CampaignAnalytics campaign={id} taxonomyNumber={campaign?.taxonomy_number} />
    </>
  );
}

export function CampaignsPage() {
  const campaigns = useCampaigns();
  const selected = Number(useParams().campaign) || null;
  const { t } = useTranslation("hazards");
  return (
    <main>
      <h1>{t("page.title")}</h1>
      <NewCampaignForm />
      <TaxonomyEditor />
      {campaigns.isPending && <Loading />}
      <ErrorMessage error={campaigns.error} />
      <ul>
        {campaigns.data?.map((c) => (
          <li key={c.id}>
            <Trans
              t={t}
              i18nKey="page.campaign"
              values={{ name: c.name, target: c.target || t("page.imported"), count: c.response_count, n: formatCount(c.response_count) }}
              components={{ link: <Link to={`/hazards/campaigns/${c.id}`} /> }}
            />
          </li>
        ))}
      </ul>
      <ImportedSets />
      {selected !== null && <CampaignDetail campaign={campaigns.data?.find((c) => c.id === selected)} id={selected} />}
    </main>
  );
}
