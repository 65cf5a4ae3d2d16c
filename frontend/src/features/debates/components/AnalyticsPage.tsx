import { useMemo, useState } from "react";
import { Trans, useTranslation } from "react-i18next";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { Loading } from "../../../components/Loading";
import { formatDateTime } from "../../../lib/format";
import { GroupResultsSection } from "../../../components/diversity/GroupResultsSection";
import type { GroupField } from "../../../lib/diversity";
import { debateKeys, exportUrl, fetchJudgeGroups, TABLES, type AccuracyRow, type Origin } from "../api/debates";
import { useAnalytics } from "../hooks/useDebates";
import { RatingsPlot, ReliabilityDiagram } from "./Plots";

// The dash for a value not measured yet is a typographic mark, the same in every language.
const pct = (value: number | null | undefined) => (value == null ? "–" : `${(value * 100).toFixed(1)}%`);
const num = (value: number | null | undefined, digits = 3) => (value == null ? "–" : value.toFixed(digits));

type Column = "origin" | "condition" | "judge" | "protocol" | "helpful" | "sneaky" | "consultant";

function AccuracyTable({ caption, rows, keys }: { caption: string; rows: AccuracyRow[]; keys: Column[] }) {
  const { t } = useTranslation("debates");
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          {keys.map((key) => (
            <th key={key} scope="col">
              {t(`analytics.columns.${key}`)}
            </th>
          ))}
          <th scope="col">{t("analytics.columns.n")}</th>
          <th scope="col">{t("analytics.columns.correct")}</th>
          <th scope="col">{t("analytics.columns.incorrect")}</th>
          <th scope="col">{t("analytics.columns.accuracy")}</th>
          <th scope="col">{t("analytics.columns.ci")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={keys.map((k) => String(row[k])).join("|")}>
            {keys.map((key) => (
              <td key={key}>{String(row[key])}</td>
            ))}
            <td>{row.n}</td>
            <td>{row.correct}</td>
            <td>{row.incorrect}</td>
            <td>{pct(row.accuracy)}</td>
            <td>{t("analytics.range", { low: pct(row.ci_low), high: pct(row.ci_high) })}</td>
          </tr>
        ))}
      </tbody>
    </table>
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
    <main className="stack">
      <h1>{t("analytics.title")}</h1>
      <label htmlFor="origin">{t("analytics.origin")}</label>
      <select id="origin" value={origin} onChange={(event) => setOrigin(event.target.value as Origin)}>
        <option value="">{t("analytics.origins.all")}</option>
        <option value="imported">{t("analytics.origins.imported")}</option>
        <option value="native">{t("analytics.origins.native")}</option>
      </select>
      <p>
        {t("analytics.downloads")}{" "}
        {TABLES.map((table) => (
          <span key={table}>
            <Trans
              t={t}
              i18nKey="analytics.download"
              values={{ table }}
              components={{ csv: <a href={exportUrl(table, "csv", origin)} />, json: <a href={exportUrl(table, "json", origin)} /> }}
            />{" "}
          </span>
        ))}
      </p>
      {report.isPending && <Loading />}
      <ErrorMessage error={report.error} />
      {report.data && (
        <p role="status">
          {report.data.computed_at
            ? t("analytics.computed", { when: formatDateTime(report.data.computed_at) })
            : t("analytics.notComputed")}
          {report.data.recomputing && t("analytics.recomputing")}
        </p>
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
          <section aria-labelledby="calibration-heading" className="stack">
            <h2 id="calibration-heading">{t("analytics.calibration")}</h2>
            <table>
              <caption>{t("analytics.calibrationCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("analytics.columns.origin")}</th>
                  <th scope="col">{t("analytics.columns.judge")}</th>
                  <th scope="col">{t("analytics.columns.n")}</th>
                  <th scope="col">{t("analytics.columns.brier")}</th>
                  <th scope="col">{t("analytics.columns.logScore")}</th>
                  <th scope="col">{t("analytics.columns.ece")}</th>
                </tr>
              </thead>
              <tbody>
                {report.data.calibration.map((row) => (
                  <tr key={`${row.origin}|${row.judge}`}>
                    <td>{row.origin}</td>
                    <td>{row.judge}</td>
                    <td>{row.n}</td>
                    <td>{num(row.brier)}</td>
                    <td>{num(row.log_score)}</td>
                    <td>{num(row.ece)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {report.data.calibration.map((row) => (
              <ReliabilityDiagram key={`${row.origin}|${row.judge}`} title={t("analytics.diagram", { origin: row.origin, judge: row.judge })} bins={row.bins} />
            ))}
          </section>
          <section aria-labelledby="persuasion-heading" className="stack">
            <h2 id="persuasion-heading">{t("analytics.persuasiveness")}</h2>
            <RatingsPlot rows={report.data.persuasiveness} />
            <table>
              <caption>{t("analytics.persuasivenessCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("analytics.columns.debater")}</th>
                  <th scope="col">{t("analytics.columns.rating")}</th>
                  <th scope="col">{t("analytics.columns.interval")}</th>
                  <th scope="col">{t("analytics.columns.matches")}</th>
                  <th scope="col">{t("analytics.columns.wins")}</th>
                  <th scope="col">{t("analytics.columns.wrongWinRate")}</th>
                </tr>
              </thead>
              <tbody>
                {report.data.persuasiveness.map((row) => (
                  <tr key={row.debater}>
                    <td>{row.debater}</td>
                    <td>{num(row.rating, 0)}</td>
                    <td>{t("analytics.range", { low: num(row.ci_low, 0), high: num(row.ci_high, 0) })}</td>
                    <td>{row.matches}</td>
                    <td>{row.wins}</td>
                    <td>{t("analytics.wrongWins", { rate: pct(row.wrong_answer_win_rate), n: row.wrong_answer_n })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <table>
            <caption>{t("analytics.agreement")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("analytics.columns.origin")}</th>
                <th scope="col">{t("analytics.columns.pairs")}</th>
                <th scope="col">{t("analytics.columns.agree")}</th>
                <th scope="col">{t("analytics.columns.rate")}</th>
                <th scope="col">{t("analytics.columns.ci")}</th>
              </tr>
            </thead>
            <tbody>
              {report.data.agreement.map((row) => (
                <tr key={row.origin}>
                  <td>{row.origin}</td>
                  <td>{row.pairs}</td>
                  <td>{row.agree}</td>
                  <td>{pct(row.rate)}</td>
                  <td>{t("analytics.range", { low: pct(row.ci_low), high: pct(row.ci_high) })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <GroupResultsSection
        title={t("analytics.groups")}
        queryKey={debateKeys.groups(origin)}
        fetch={(by: GroupField) => fetchJudgeGroups(by, origin)}
        labels={groupLabels}
      />
    </main>
  );
}
