import { Anchor, List, Paper, Stack, Table, Text, Title } from "@mantine/core";
import type { TFunction } from "i18next";
import { Trans, useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { GroupResultsSection } from "../../../components/diversity/GroupResultsSection";
import { QuotaPanel } from "../../../components/diversity/QuotaPanel";
import { EmptyState } from "../../../components/EmptyState";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { Loading } from "../../../components/Loading";
import type { GroupField } from "../../../lib/diversity";
import { formatCount, formatDateTime, formatFixed } from "../../../lib/format";
import { fetchCampaignGroups, hazardKeys, type Analytics, type Campaign } from "../api/hazards";
import { useAnalytics, useCampaigns } from "../hooks/useHazards";
import { AdjudicateForm } from "./AdjudicateForm";
import { CampaignActions } from "./CampaignActions";
import { Disclosure } from "./Disclosure";
import { CategoryRateChart, HazardRateChart } from "./HazardRateChart";
import { ImportedSets } from "./ImportedSets";
import { NewCampaignForm } from "./NewCampaignForm";
import { PromptSources } from "./PromptSources";
import { ResponsesList } from "./ResponsesList";
import { TaxonomyEditor } from "./TaxonomyEditor";
import { WRAP } from "./wrapText";

type T = TFunction<"hazards">;

/** Statistics with two fixed decimals, so that a table's column lines up. */
const fmt = (x: number | null, t: T) => (x === null ? t("notAvailable") : formatFixed(x, 2));

const verdict = (harmful: boolean | null, t: T) =>
  harmful === null ? t("verdict.tie") : harmful ? t("verdict.harmful") : t("verdict.safe");

/** A table's header row from its column names. */
function Head({ columns }: { columns: string[] }) {
  return (
    <Table.Thead>
      <Table.Tr>
        {columns.map((column) => (
          <Table.Th key={column}>{column}</Table.Th>
        ))}
      </Table.Tr>
    </Table.Thead>
  );
}

/** Items whose Dawid-Skene label (raters weighted by estimated confusion) overturns the majority. */
function DifferingItems({ items }: { items: Analytics["items"] }) {
  const { t } = useTranslation("hazards");
  const differing = items.filter((item) => item.majority_harmful !== item.ds_harmful);
  if (differing.length === 0) return null;
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table aria-label={t("differing.label")} striped withTableBorder>
        <Head
          columns={[t("differing.response"), t("differing.harmfulVotes"), t("differing.majority"), t("differing.dawidSkene")]}
        />
        <Table.Tbody>
          {differing.map((item) => (
            <Table.Tr key={item.response}>
              <Table.Td>{item.response}</Table.Td>
              <Table.Td>{t("differing.votes", { harmful: item.harmful_votes, labels: item.labels })}</Table.Td>
              <Table.Td>{verdict(item.majority_harmful, t)}</Table.Td>
              <Table.Td>
                {t("differing.dsVerdict", { verdict: verdict(item.ds_harmful, t), probability: fmt(item.ds_probability, t) })}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function AgreementTable({ rows }: { rows: Analytics["agreement"] }) {
  const { t } = useTranslation("hazards");
  if (rows.length === 0) return <EmptyState>{t("analytics.noAgreement")}</EmptyState>;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped withTableBorder>
        <Head
          columns={[
            t("analytics.labelColumn"),
            t("analytics.items"),
            t("analytics.alpha"),
            t("analytics.fleiss"),
            t("analytics.cohenPairs"),
          ]}
        />
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.label}>
              <Table.Td>{row.label}</Table.Td>
              <Table.Td>{formatCount(row.items)}</Table.Td>
              <Table.Td>{fmt(row.krippendorff_alpha, t)}</Table.Td>
              <Table.Td>{fmt(row.fleiss_kappa, t)}</Table.Td>
              <Table.Td>{fmt(row.cohen_kappa, t)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function RatersTable({ raters }: { raters: Analytics["raters"] }) {
  const { t } = useTranslation("hazards");
  if (raters.length === 0) return <EmptyState>{t("analytics.noRaters")}</EmptyState>;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped withTableBorder>
        <Head
          columns={[
            t("analytics.rater"),
            t("analytics.labels"),
            t("analytics.goldAccuracy"),
            t("analytics.agreementColumn"),
            t("analytics.estimatedAccuracy"),
          ]}
        />
        <Table.Tbody>
          {raters.map((r) => (
            <Table.Tr key={r.rater}>
              <Table.Td>{r.username}</Table.Td>
              <Table.Td>{formatCount(r.labels)}</Table.Td>
              <Table.Td>{fmt(r.gold_accuracy, t)}</Table.Td>
              <Table.Td>{fmt(r.agreement, t)}</Table.Td>
              <Table.Td>{fmt(r.estimated_accuracy, t)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Disagreements({ campaign, items, taxonomyNumber }: { campaign: number; items: Analytics["disagreements"]; taxonomyNumber: number | undefined }) {
  const { t } = useTranslation("hazards");
  if (items.length === 0) return <EmptyState>{t("analytics.noDisagreements")}</EmptyState>;
  return (
    <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: "none" }}>
      {items.map((d) => (
        <Paper component="li" key={d.response} withBorder p="sm">
          <Stack gap="sm">
            <Text>
              {t("analytics.disagreement", {
                response: d.response,
                harmful: d.harmful_votes,
                labels: d.labels,
                probability: fmt(d.ds_probability, t),
              })}
            </Text>
            <Disclosure summary={t("analytics.disagreementText")}>
              <Stack gap="xs">
                <Text component="pre" ff="monospace" size="sm" style={WRAP}>
                  {d.prompt}
                </Text>
                <Text component="pre" ff="monospace" size="sm" style={WRAP}>
                  {d.text}
                </Text>
              </Stack>
            </Disclosure>
            <AdjudicateForm campaign={campaign} response={d.response} taxonomyNumber={taxonomyNumber} />
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}

function CampaignAnalytics({ campaign, taxonomyNumber }: { campaign: number; taxonomyNumber: number | undefined }) {
  const analytics = useAnalytics(campaign);
  const { t } = useTranslation("hazards");
  if (analytics.isPending) return <Loading />;
  if (analytics.error) return <ErrorMessage error={analytics.error} />;
  const a = analytics.data;
  return (
    <Stack component="section" aria-label={t("analytics.label")} gap="md">
      <Text>
        {t("analytics.summary", {
          labelled: formatCount(a.labelled_items),
          human: formatCount(a.human_labels),
          ai: formatCount(a.ai_labels),
          differences: formatCount(a.ds_majority_differences),
        })}
      </Text>
      <Text role="status" size="sm" c="dimmed">
        {a.computed_at
          ? t("analytics.computed", { when: formatDateTime(a.computed_at) })
          : t("analytics.notComputed")}
        {a.recomputing && ` ${t("analytics.recomputing")}`}
      </Text>
      <DifferingItems items={a.items} />
      <Title order={2}>{t("analytics.ratePerVersion")}</Title>
      <HazardRateChart rates={a.hazard_rates} />
      <Title order={2}>{t("analytics.ratePerCategory")}</Title>
      <CategoryRateChart rates={a.hazard_rates} />
      <Title order={2}>{t("analytics.agreement")}</Title>
      <AgreementTable rows={a.agreement} />
      <Title order={2}>{t("analytics.raters")}</Title>
      <RatersTable raters={a.raters} />
      <GroupResultsSection
        title={t("analytics.groups")}
        queryKey={hazardKeys.groups(campaign)}
        fetch={(by: GroupField) => fetchCampaignGroups(campaign, by)}
        labels={{ hazard_rate: t("analytics.groupHazardRate"), agreement: t("analytics.groupAgreement") }}
      />
      <Title order={2}>{t("analytics.humanVsAi")}</Title>
      {a.human_vs_ai.length === 0 ? (
        <EmptyState>{t("analytics.noHumanVsAi")}</EmptyState>
      ) : (
        <List>
          {a.human_vs_ai.map((row) => (
            <List.Item key={row.labeller}>
              {t("analytics.humanVsAiRow", {
                labeller: row.labeller,
                items: formatCount(row.items),
                raw: fmt(row.raw_agreement, t),
                kappa: fmt(row.cohen_kappa, t),
              })}
            </List.Item>
          ))}
        </List>
      )}
      <Title order={2}>{t("analytics.disagreements", { n: formatCount(a.disagreements.length) })}</Title>
      <Disagreements campaign={campaign} items={a.disagreements} taxonomyNumber={taxonomyNumber} />
    </Stack>
  );
}

function CampaignDetail({ campaign, id }: { campaign: Campaign | undefined; id: number }) {
  return (
    <Stack gap="lg">
      {campaign && <Title order={2}>{campaign.name}</Title>}
      {campaign && <CampaignActions campaign={campaign} />}
      <PromptSources campaign={id} taxonomyNumber={campaign?.taxonomy_number} />
      <ResponsesList campaign={id} />
      <QuotaPanel activity="hazards" objectId={id} />
      <CampaignAnalytics campaign={id} taxonomyNumber={campaign?.taxonomy_number} />
    </Stack>
  );
}

function CampaignList({ campaigns }: { campaigns: Campaign[] }) {
  const { t } = useTranslation("hazards");
  if (campaigns.length === 0) return <EmptyState>{t("page.noCampaigns")}</EmptyState>;
  return (
    <List spacing="xs">
      {campaigns.map((c) => (
        <List.Item key={c.id}>
          <Trans
            t={t}
            i18nKey="page.campaign"
            values={{ name: c.name, target: c.target || t("page.imported"), count: c.response_count, n: formatCount(c.response_count) }}
            // Not <link>: Trans parses the string as HTML, where <link> is a void element.
            components={{ campaign: <Anchor component={Link} to={`/hazards/campaigns/${c.id}`} /> }}
          />
        </List.Item>
      ))}
    </List>
  );
}

export function CampaignsPage() {
  const campaigns = useCampaigns();
  const selected = Number(useParams().campaign) || null;
  const { t } = useTranslation("hazards");
  return (
    <Stack component="main" gap="lg">
      <Title order={1}>{t("page.title")}</Title>
      <NewCampaignForm />
      <TaxonomyEditor />
      {campaigns.isPending && <Loading />}
      <ErrorMessage error={campaigns.error} />
      {campaigns.data && <CampaignList campaigns={campaigns.data} />}
      <ImportedSets />
      {selected !== null && <CampaignDetail campaign={campaigns.data?.find((c) => c.id === selected)} id={selected} />}
    </Stack>
  );
}
