import { Anchor, Group, NativeSelect, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { useMemo, useState, type ReactNode } from "react";
import { Trans, useTranslation } from "react-i18next";
import { EmptyState } from "../../../components/EmptyState";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { Loading } from "../../../components/Loading";
import { formatCount, formatDateTime, formatFixed, formatPercentTo } from "../../../lib/format";
import { GroupResultsSection } from "../../../components/diversity/GroupResultsSection";
import type { GroupField } from "../../../lib/diversity";
import { debateKeys, exportUrl, fetchJudgeGroups, TABLES, type AccuracyRow, type Origin } from "../api/debates";
import { useAnalytics } from "../hooks/useDebates";
import { RatingsPlot, ReliabilityDiagram } from "./Plots";

// One decimal, as the papers' tables give accuracy (lib/format's percent is whole). The dash for
// a value not measured yet is a typographic mark, the same in every language.
const pct = (value: number | null | undefined) => (value == null ? "–" : formatPercentTo(value, 1));
const num = (value: number | null | undefined, digits = 3) => (value == null ? "–" : formatFixed(value, digits));

type Column = "origin" | "condition" | "judge" | "protocol" | "helpful" | "sneaky" | "consultant";

/**
 * A results table named by its caption, scrolling inside its own box on a narrow screen so the
 * page never does. With no rows it keeps its caption and headers and says why it is empty.
 */
function DataTable({ caption, columns, rows, minWidth }: { caption: string; columns: string[]; rows: ReactNode[]; minWidth: number }) {
  const { t } = useTranslation("debates");
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table striped withTableBorder captionSide="top">
        <Table.Caption ta="left" fw={500}>
          {caption}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <Table.Th key={column} scope="col">
                {column}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.length > 0 ? (
            rows
          ) : (
            <Table.Tr>
              <Table.Td colSpan={columns.length}>
                <EmptyState>{t("analytics.empty")}</EmptyState>
              </Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Judge accuracy by condition or by debater and judge pairing, as in the NYU debate paper's
 * Tables 1 and 2: counts, accuracy and its 95% interval. */
function AccuracyTable({ caption, rows, keys }: { caption: string; rows: AccuracyRow[]; keys: Column[] }) {
  const { t } = useTranslation("debates");
  const columns = [
    ...keys.map((key) => t(`analytics.columns.${key}`)),
    t("analytics.columns.n"),
    t("analytics.columns.correct"),
    t("analytics.columns.incorrect"),
    t("analytics.columns.accuracy"),
    t("analytics.columns.ci"),
  ];
  return (
    <DataTable
      caption={caption}
      columns={columns}
      minWidth={140 + 110 * keys.length + 420}
      rows={rows.map((row) => (
        <Table.Tr key={keys.map((k) => String(row[k])).join("|")}>
          {keys.map((key) => (
            <Table.Td key={key}>{String(row[key])}</Table.Td>
          ))}
          <Table.Td>{formatCount(row.n)}</Table.Td>
          <Table.Td>{formatCount(row.correct)}</Table.Td>
          <Table.Td>{formatCount(row.incorrect)}</Table.Td>
          <Table.Td>{pct(row.accuracy)}</Table.Td>
          <Table.Td>{t("analytics.range", { low: pct(row.ci_low), high: pct(row.ci_high) })}</Table.Td>
        </Table.Tr>
      ))}
    />
  );
}

/** Researchers' judge-accuracy analytics over imported and native debates, with exports. */
export function AnalyticsPage() {
  const [origin, setOrigin] = useState<Origin>("");
  const report = useAnalytics(origin);
  const { t } = useTranslation("debates");
  // One object per language: the group chart redraws when its labels change.
  const groupLabels = useMemo(() => ({ accuracy: t("analytics.groupAccuracy") }), [t]);

  return (
    <Stack component="main" gap="lg">
      <Title order={1}>{t("analytics.title")}</Title>
      <Group align="flex-end" gap="lg">
        <NativeSelect id="origin" label={t("analytics.origin")} value={origin} onChange={(event) => setOrigin(event.currentTarget.value as Origin)}>
          <option value="">{t("analytics.origins.all")}</option>
          <option value="imported">{t("analytics.origins.imported")}</option>
          <option value="native">{t("analytics.origins.native")}</option>
        </NativeSelect>
      </Group>
      <Text>
        {t("analytics.downloads")}{" "}
        {TABLES.map((table) => (
          <span key={table}>
            <Trans
              t={t}
              i18nKey="analytics.download"
              values={{ table }}
              components={{ csv: <Anchor href={exportUrl(table, "csv", origin)} />, json: <Anchor href={exportUrl(table, "json", origin)} /> }}
            />{" "}
          </span>
        ))}
      </Text>
      {report.isPending && <Loading />}
      <ErrorMessage error={report.error} />
      {report.data && (
        <Text role="status" c="dimmed" size="sm">
          {report.data.computed_at
            ? t("analytics.computed", { when: formatDateTime(report.data.computed_at) })
            : t("analytics.notComputed")}
          {report.data.recomputing && t("analytics.recomputing")}
        </Text>
      )}
      {report.data && (
        <>
          <AccuracyTable caption={t("analytics.perCondition")} rows={report.data.accuracy} keys={["origin", "condition", "judge"]} />
          <AccuracyTable
            caption={t("analytics.perConfiguration")}
            rows={report.data.configurations}
            keys={["origin", "protocol", "helpful", "sneaky", "judge"]}
          />
          <AccuracyTable
            caption={t("analytics.consultancy")}
            rows={report.data.consultancy}
            keys={["origin", "condition", "consultant"]}
          />
          <Stack component="section" aria-labelledby="calibration-heading" gap="sm">
            <Title order={2} id="calibration-heading">
              {t("analytics.calibration")}
            </Title>
            <DataTable
              caption={t("analytics.calibrationCaption")}
              minWidth={560}
              columns={[
                t("analytics.columns.origin"),
                t("analytics.columns.judge"),
                t("analytics.columns.n"),
                t("analytics.columns.brier"),
                t("analytics.columns.logScore"),
                t("analytics.columns.ece"),
              ]}
              rows={report.data.calibration.map((row) => (
                <Table.Tr key={`${row.origin}|${row.judge}`}>
                  <Table.Td>{row.origin}</Table.Td>
                  <Table.Td>{row.judge}</Table.Td>
                  <Table.Td>{formatCount(row.n)}</Table.Td>
                  <Table.Td>{num(row.brier)}</Table.Td>
                  <Table.Td>{num(row.log_score)}</Table.Td>
                  <Table.Td>{num(row.ece)}</Table.Td>
                </Table.Tr>
              ))}
            />
            {report.data.calibration.length === 0 ? (
              <EmptyState>{t("plots.noJudgements")}</EmptyState>
            ) : (
              <SimpleGrid cols={{ base: 1, md: 2 }}>
                {report.data.calibration.map((row) => (
                  <ReliabilityDiagram
                    key={`${row.origin}|${row.judge}`}
                    title={t("analytics.diagram", { origin: row.origin, judge: row.judge })}
                    bins={row.bins}
                  />
                ))}
              </SimpleGrid>
            )}
          </Stack>
          <Stack component="section" aria-labelledby="persuasion-heading" gap="sm">
            <Title order={2} id="persuasion-heading">
              {t("analytics.persuasiveness")}
            </Title>
            <RatingsPlot rows={report.data.persuasiveness} />
            <DataTable
              caption={t("analytics.persuasivenessCaption")}
              minWidth={640}
              columns={[
                t("analytics.columns.debater"),
                t("analytics.columns.rating"),
                t("analytics.columns.interval"),
                t("analytics.columns.matches"),
                t("analytics.columns.wins"),
                t("analytics.columns.wrongWinRate"),
              ]}
              rows={report.data.persuasiveness.map((row) => (
                <Table.Tr key={row.debater}>
                  <Table.Td style={{ overflowWrap: "anywhere" }}>{row.debater}</Table.Td>
                  <Table.Td>{num(row.rating, 0)}</Table.Td>
                  <Table.Td>{t("analytics.range", { low: num(row.ci_low, 0), high: num(row.ci_high, 0) })}</Table.Td>
                  <Table.Td>{formatCount(row.matches)}</Table.Td>
                  <Table.Td>{formatCount(row.wins)}</Table.Td>
                  <Table.Td>{t("analytics.wrongWins", { rate: pct(row.wrong_answer_win_rate), n: formatCount(row.wrong_answer_n) })}</Table.Td>
                </Table.Tr>
              ))}
            />
          </Stack>
          <DataTable
            caption={t("analytics.agreement")}
            minWidth={520}
            columns={[
              t("analytics.columns.origin"),
              t("analytics.columns.pairs"),
              t("analytics.columns.agree"),
              t("analytics.columns.rate"),
              t("analytics.columns.ci"),
            ]}
            rows={report.data.agreement.map((row) => (
              <Table.Tr key={row.origin}>
                <Table.Td>{row.origin}</Table.Td>
                <Table.Td>{formatCount(row.pairs)}</Table.Td>
                <Table.Td>{formatCount(row.agree)}</Table.Td>
                <Table.Td>{pct(row.rate)}</Table.Td>
                <Table.Td>{t("analytics.range", { low: pct(row.ci_low), high: pct(row.ci_high) })}</Table.Td>
              </Table.Tr>
            ))}
          />
        </>
      )}
      <GroupResultsSection
        title={t("analytics.groups")}
        queryKey={debateKeys.groups(origin)}
        fetch={(by: GroupField) => fetchJudgeGroups(by, origin)}
        labels={groupLabels}
      />
    </Stack>
  );
}
