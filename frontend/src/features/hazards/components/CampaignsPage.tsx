import { Link, useParams } from "react-router";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { Loading } from "../../../components/Loading";
import type { Analytics, Campaign } from "../api/hazards";
import { useAnalytics, useCampaigns } from "../hooks/useHazards";
import { AdjudicateForm } from "./AdjudicateForm";
import { CampaignActions } from "./CampaignActions";
import { CategoryRateChart, HazardRateChart } from "./HazardRateChart";
import { ImportedSets } from "./ImportedSets";
import { NewCampaignForm } from "./NewCampaignForm";
import { PromptSources } from "./PromptSources";
import { ResponsesList } from "./ResponsesList";
import { TaxonomyEditor } from "./TaxonomyEditor";

const fmt = (x: number | null) => (x === null ? "n/a" : x.toFixed(2));

const verdict = (harmful: boolean | null) => (harmful === null ? "tie" : harmful ? "harmful" : "not harmful");

/** Items whose Dawid-Skene label (raters weighted by estimated confusion) overturns the majority. */
function DifferingItems({ items }: { items: Analytics["items"] }) {
  const differing = items.filter((item) => item.majority_harmful !== item.ds_harmful);
  if (differing.length === 0) return null;
  return (
    <table aria-label="Dawid-Skene against majority vote">
      <thead>
        <tr>
          <th>Response</th>
          <th>Harmful votes</th>
          <th>Majority vote</th>
          <th>Dawid-Skene (P harmful)</th>
        </tr>
      </thead>
      <tbody>
        {differing.map((item) => (
          <tr key={item.response}>
            <td>{item.response}</td>
            <td>
              {item.harmful_votes} of {item.labels}
            </td>
            <td>{verdict(item.majority_harmful)}</td>
            <td>
              {verdict(item.ds_harmful)} ({fmt(item.ds_probability)})
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function CampaignAnalytics({ campaign, taxonomyNumber }: { campaign: number; taxonomyNumber: number | undefined }) {
  const analytics = useAnalytics(campaign);
  if (analytics.isPending) return <Loading />;
  if (analytics.error) return <ErrorMessage error={analytics.error} />;
  const a = analytics.data;
  return (
    <section aria-label="Analytics">
      <p>
        {a.labelled_items} labelled items, {a.human_labels} human labels, {a.ai_labels} AI labels;
        Dawid-Skene and majority vote differ on {a.ds_majority_differences} items.
      </p>
      <p role="status">
        {a.computed_at ? `Computed ${new Date(a.computed_at).toLocaleString()}.` : "Not computed yet."}
        {a.recomputing && " Recomputing with the newest labels…"}
      </p>
      <DifferingItems items={a.items} />
      <h2>Hazard rate per version</h2>
      <HazardRateChart rates={a.hazard_rates} />
      <h2>Hazard rate per category and version</h2>
      <CategoryRateChart rates={a.hazard_rates} />
      <h2>Agreement</h2>
      <table>
        <thead>
          <tr>
            <th>Label</th>
            <th>Items</th>
            <th>Krippendorff's alpha</th>
            <th>Fleiss' kappa</th>
            <th>Cohen's kappa (pairs)</th>
          </tr>
        </thead>
        <tbody>
          {a.agreement.map((row) => (
            <tr key={row.label}>
              <td>{row.label}</td>
              <td>{row.items}</td>
              <td>{fmt(row.krippendorff_alpha)}</td>
              <td>{fmt(row.fleiss_kappa)}</td>
              <td>{fmt(row.cohen_kappa)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Raters</h2>
      <table>
        <thead>
          <tr>
            <th>Rater</th>
            <th>Labels</th>
            <th>Gold accuracy</th>
            <th>Agreement</th>
            <th>Estimated accuracy</th>
          </tr>
        </thead>
        <tbody>
          {a.raters.map((r) => (
            <tr key={r.rater}>
              <td>{r.username}</td>
              <td>{r.labels}</td>
              <td>{fmt(r.gold_accuracy)}</td>
              <td>{fmt(r.agreement)}</td>
              <td>{fmt(r.estimated_accuracy)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Human vs AI labellers</h2>
      <ul>
        {a.human_vs_ai.map((row) => (
          <li key={row.labeller}>
            {row.labeller}: {row.items} items, raw agreement {fmt(row.raw_agreement)}, Cohen's kappa{" "}
            {fmt(row.cohen_kappa)}
          </li>
        ))}
      </ul>
      <h2>Disagreements awaiting adjudication ({a.disagreements.length})</h2>
      <ul>
        {a.disagreements.map((d) => (
          <li key={d.response}>
            Response {d.response}: {d.harmful_votes} of {d.labels} say harmful (Dawid-Skene{" "}
            {fmt(d.ds_probability)})
            <details>
              <summary>Prompt and response (content warning: may be harmful)</summary>
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
      <CampaignAnalytics campaign={id} taxonomyNumber={campaign?.taxonomy_number} />
    </>
  );
}

export function CampaignsPage() {
  const campaigns = useCampaigns();
  const selected = Number(useParams().campaign) || null;
  return (
    <main>
      <h1>Red-team campaigns</h1>
      <NewCampaignForm />
      <TaxonomyEditor />
      {campaigns.isPending && <Loading />}
      <ErrorMessage error={campaigns.error} />
      <ul>
        {campaigns.data?.map((c) => (
          <li key={c.id}>
            <Link to={`/hazards/campaigns/${c.id}`}>{c.name}</Link> ({c.target || "imported"},{" "}
            {c.response_count} responses)
          </li>
        ))}
      </ul>
      <ImportedSets />
      {selected !== null && <CampaignDetail campaign={campaigns.data?.find((c) => c.id === selected)} id={selected} />}
    </main>
  );
}
