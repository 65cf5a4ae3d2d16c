import { NativeSelect, Stack, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatCount } from "../../lib/format";
import { GROUP_FIELDS, percent, type GroupField, type GroupResults } from "../../lib/diversity";
import { EmptyState } from "../EmptyState";
import { ErrorMessage } from "../ErrorMessage";
import { Loading } from "../Loading";
import { PlotChart, type PlotModule } from "../plot/PlotChart";
import { drawGroupChart, pointsOf } from "./groupChart";

type Props = {
  /** The query key of this page's per-group results; the field is appended. */
  queryKey: readonly unknown[];
  fetch: (by: GroupField) => Promise<GroupResults>;
  /** Measure name -> column heading ("accuracy" -> "Judge accuracy"). */
  labels: Record<string, string>;
  title: string;
};

/** One table of per-group rates with Wilson intervals; suppressed measures say so. */
export function GroupResultsTable({ report, labels, title }: { report: GroupResults; labels: Record<string, string>; title: string }) {
  const measures = report.groups[0]?.measures.map((m) => m.measure) ?? [];
  const { t } = useTranslation("diversity");
  return (
    <Table.ScrollContainer minWidth={200 + measures.length * 220}>
      <Table aria-label={title}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("results.group")}</Table.Th>
            <Table.Th>{t("results.raters")}</Table.Th>
            {measures.map((name) => (
              <Table.Th key={name}>{labels[name] ?? name}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.groups.map((row) => (
            <Table.Tr key={row.group}>
              <Table.Td>{row.group}</Table.Td>
              <Table.Td>{formatCount(row.raters)}</Table.Td>
              {row.measures.map((m) => (
                <Table.Td key={m.measure}>
                  {m.suppressed ? (
                    <Text span c="dimmed" inherit>
                      {t("results.tooFew")}
                    </Text>
                  ) : (
                    t("results.rate", {
                      rate: percent(m.rate),
                      low: percent(m.low),
                      high: percent(m.high),
                      successes: formatCount(m.successes ?? 0),
                      n: formatCount(m.n ?? 0),
                    })
                  )}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function GroupChart({ report, labels }: { report: GroupResults; labels: Record<string, string> }) {
  const { t } = useTranslation("diversity");
  const points = pointsOf(report, labels);
  // Pages pass `labels` as a fresh object on every render: keyed by the points' content, the
  // chart is redrawn only when what it shows changes.
  const pointsKey = JSON.stringify(points);
  const draw = useCallback(
    (Plot: PlotModule, width: number) => drawGroupChart(Plot, width, JSON.parse(pointsKey) as typeof points, t),
    [pointsKey, t],
  );
  if (points.length === 0) return <EmptyState>{t("results.noChart")}</EmptyState>;
  return <PlotChart draw={draw} />;
}

/** Results per rater group on an analytics page: the researcher picks the background field;
 * only consenting raters count, and groups under the minimum size are left out. */
export function GroupResultsSection({ queryKey, fetch, labels, title }: Props) {
  const [by, setBy] = useState<GroupField>("region");
  const results = useQuery({ queryKey: [...queryKey, by], queryFn: () => fetch(by) });
  const report = results.data;
  const { t } = useTranslation("diversity");
  return (
    <Stack component="section" aria-label={title}>
      <Title order={2}>{title}</Title>
      <NativeSelect
        label={t("results.groupBy")}
        value={by}
        onChange={(e) => setBy(e.currentTarget.value as GroupField)}
        data={GROUP_FIELDS.map((f) => ({ value: f.value, label: t(`fields.${f.value}`) }))}
        maw="20rem"
      />
      {results.isPending && <Loading />}
      <ErrorMessage error={results.error} />
      {report && (
        <>
          {report.groups.length > 0 ? (
            <>
              <GroupResultsTable report={report} labels={labels} title={title} />
              <GroupChart report={report} labels={labels} />
            </>
          ) : (
            <EmptyState>{t("results.noGroup", { size: report.min_group_size })}</EmptyState>
          )}
          <Text c="dimmed" size="sm">
            {t("results.consent", {
              size: report.min_group_size,
              suppressed: report.suppressed_groups,
              left: report.raters_left_out,
            })}
          </Text>
        </>
      )}
    </Stack>
  );
}
