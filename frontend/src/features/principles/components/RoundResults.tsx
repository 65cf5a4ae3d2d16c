import { Code, Group, Progress, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { GroupResultsSection } from "../../../components/diversity/GroupResultsSection";
import { EmptyState } from "../../../components/EmptyState";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { Loading } from "../../../components/Loading";
import type { GroupField } from "../../../lib/diversity";
import { formatCount, formatNumber } from "../../../lib/format";
import { fetchRoundGroups, principlesKeys, type RoundDetail } from "../api/principles";
import { useAnalysis } from "../hooks/usePrinciples";
import { groupColour } from "./chartColours";
import { OpinionMap } from "./OpinionMap";
import { percent } from "./percent";

/** Each opinion group's share agreeing as a bar; a bar short of the round's rule is red. */
function GroupAgreement({
  groupAgreement,
  threshold,
}: {
  groupAgreement: Record<string, number | null>;
  threshold: number;
}) {
  const { t } = useTranslation("principles");
  const entries = Object.entries(groupAgreement);
  if (entries.length === 0) return <Text c="dimmed">{t("noValue")}</Text>;
  return (
    <Stack gap={4} miw="10rem">
      {entries.map(([group, share]) => {
        const name = t("charts.groupShort", { n: Number(group) + 1 });
        return (
          <Group key={group} gap="xs" wrap="nowrap">
            <Text size="sm" w="2rem" style={{ color: groupColour(Number(group)) }} fw={700}>
              {name}
            </Text>
            <Progress
              value={(share ?? 0) * 100}
              color={share !== null && share >= threshold ? "teal" : "red"}
              flex={1}
              aria-label={t("results.groupBar", { group: name, agreement: percent(share) })}
            />
            <Text size="sm" w="3rem" ta="right">
              {percent(share)}
            </Text>
          </Group>
        );
      })}
    </Stack>
  );
}

/** A closed round's outcome: the opinion map, each proposal's votes and verdict, participation;
 * for researchers, support per rater group (consenting profiles, small groups left out). */
export function RoundResults({ round, showGroups }: { round: RoundDetail; showGroups: boolean }) {
  const analysis = useAnalysis(round.id, true);
  const { t } = useTranslation("principles");
  if (analysis.isPending) return <Loading />;
  if (!analysis.data) return <ErrorMessage error={analysis.error} />;
  const data = analysis.data;
  const labels = Object.fromEntries(round.proposals.map((p, i) => [p.id, t("results.proposalLabel", { n: i + 1 })]));
  const background = Object.entries(data.participation.by_background);
  const rows = round.proposals.flatMap((p) => {
    const stats = data.proposals[String(p.id)];
    return stats ? [{ proposal: p, stats }] : [];
  });
  return (
    <Stack component="section" aria-labelledby="results-heading">
      <Title order={2} id="results-heading">
        {t("results.title")}
      </Title>
      <Text>
        {t("results.voters", {
          humans: formatCount(data.participation.human_voters),
          ai: formatCount(data.participation.ai_voters),
        })}{" "}
        {data.version !== null ? t("results.enacted", { version: data.version }) : t("results.noChange")}
      </Text>
      {data.groups && data.groups.voters.length > 0 ? (
        <Stack component="figure" gap="xs" m={0}>
          <OpinionMap groups={data.groups} labels={labels} />
          <Text component="figcaption" size="sm" c="dimmed">
            {t("results.groups", { count: data.groups.k })}
            {data.groups.silhouette !== null &&
              t("results.silhouette", { value: formatNumber(data.groups.silhouette) })}
            {t("results.mapHelp")}
          </Text>
        </Stack>
      ) : (
        <EmptyState>{t("results.noMap")}</EmptyState>
      )}
      {rows.length === 0 ? (
        <EmptyState>{t("results.noProposals")}</EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table aria-label={t("results.tableLabel")} verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("results.columns.proposal")}</Table.Th>
                <Table.Th scope="col">{t("results.columns.humanVotes")}</Table.Th>
                <Table.Th scope="col">{t("results.columns.agreement")}</Table.Th>
                <Table.Th scope="col">
                  {t("results.columns.perGroup", { threshold: percent(round.min_group_agreement) })}
                </Table.Th>
                <Table.Th scope="col">{t("results.columns.consensus")}</Table.Th>
                <Table.Th scope="col">{t("results.columns.ai")}</Table.Th>
                <Table.Th scope="col">{t("results.columns.outcome")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map(({ proposal: p, stats }) => (
                <Table.Tr key={p.id}>
                  <Table.Th scope="row">
                    {labels[p.id]} {t(`actions.${p.action}`)} <Code>{p.principle_key}</Code>
                  </Table.Th>
                  <Table.Td>
                    {t("results.votes", {
                      votes: formatCount(stats.votes),
                      agree: formatCount(stats.agree),
                      disagree: formatCount(stats.disagree),
                      passes: formatCount(stats.passes),
                    })}
                  </Table.Td>
                  <Table.Td>{percent(stats.agreement)}</Table.Td>
                  <Table.Td>
                    <GroupAgreement groupAgreement={stats.group_agreement} threshold={round.min_group_agreement} />
                  </Table.Td>
                  <Table.Td>{stats.consensus === null ? t("noValue") : formatNumber(stats.consensus)}</Table.Td>
                  <Table.Td>
                    {t("results.aiVotes", {
                      agree: formatCount(stats.ai.agree ?? 0),
                      disagree: formatCount(stats.ai.disagree ?? 0),
                      pass: formatCount(stats.ai.pass ?? 0),
                    })}
                  </Table.Td>
                  <Table.Td>
                    {stats.passed ? t("results.passed") : t("results.notPassed", { reason: stats.reason })}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {showGroups && (
        <GroupResultsSection
          title={t("results.groupSupport")}
          queryKey={principlesKeys.groups(round.id)}
          fetch={(by: GroupField) => fetchRoundGroups(round.id, by)}
          labels={Object.fromEntries(round.proposals.map((p) => [`proposal ${p.id}`, labels[p.id] ?? ""]))}
        />
      )}
      <Title order={3}>{t("results.participation")}</Title>
      <Text c="dimmed">
        {t("results.withProfile", {
          with: formatCount(data.participation.with_profile),
          humans: formatCount(data.participation.human_voters),
        })}
      </Text>
      {background.length > 0 ? (
        <Stack component="dl" gap="xs" m={0}>
          {background.map(([field, counts]) => (
            <div key={field}>
              <Text component="dt" fw={600}>
                {field.replace("_", " ")}
              </Text>
              <Text component="dd" ms={0}>
                {Object.entries(counts)
                  .map(([value, count]) => t("results.count", { value, count: formatCount(count) }))
                  .join(", ")}
              </Text>
            </div>
          ))}
        </Stack>
      ) : (
        <EmptyState>{t("results.noBackgrounds")}</EmptyState>
      )}
    </Stack>
  );
}
