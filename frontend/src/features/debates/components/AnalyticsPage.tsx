import { useState } from "react";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { Loading } from "../../../components/Loading";
import { exportUrl, TABLES, type AccuracyRow, type Origin } from "../api/debates";
import { useAnalytics } from "../hooks/useDebates";
import { RatingsPlot, ReliabilityDiagram } from "./Plots";

const pct = (value: number | null | undefined) => (value == null ? "–" : `${(value * 100).toFixed(1)}%`);
const num = (value: number | null | undefined, digits = 3) => (value == null ? "–" : value.toFixed(digits));

function AccuracyTable({ caption, rows, keys }: { caption: string; rows: AccuracyRow[]; keys: (keyof AccuracyRow)[] }) {
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          {keys.map((key) => (
            <th key={key} scope="col">
              {key}
            </th>
          ))}
          <th scope="col">n</th>
          <th scope="col">correct</th>
          <th scope="col">incorrect</th>
          <th scope="col">accuracy</th>
          <th scope="col">95% CI</th>
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
            <td>
              {pct(row.ci_low)} – {pct(row.ci_high)}
            </td>
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

  return (
    <main className="stack">
      <h1>Debate analytics</h1>
      <label htmlFor="origin">Debates</label>
      <select id="origin" value={origin} onChange={(event) => setOrigin(event.target.value as Origin)}>
        <option value="">All</option>
        <option value="imported">Imported human debates (NYU)</option>
        <option value="native">Run on this platform</option>
      </select>
      <p>
        Downloads:{" "}
        {TABLES.map((table) => (
          <span key={table}>
            {table} (<a href={exportUrl(table, "csv", origin)}>CSV</a>, <a href={exportUrl(table, "json", origin)}>JSON</a>){" "}
          </span>
        ))}
      </p>
      {report.isPending && <Loading />}
      <ErrorMessage error={report.error} />
      {report.data && (
        <p role="status">
          {report.data.computed_at ? `Computed ${new Date(report.data.computed_at).toLocaleString()}.` : "Not computed yet."}
          {report.data.recomputing && " Recomputing with the newest judgements…"}
        </p>
      )}
      {report.data && (
        <>
          <AccuracyTable caption="Judge accuracy per condition" rows={report.data.accuracy} keys={["origin", "condition", "judge"]} />
          <AccuracyTable
            caption="Judge accuracy per configuration (helpful and sneaky debater, judge, protocol)"
            rows={report.data.configurations}
            keys={["origin", "protocol", "helpful", "sneaky", "judge"]}
          />
          <AccuracyTable
            caption="Consultancy: honest and dishonest consultants"
            rows={report.data.consultancy}
            keys={["origin", "condition", "consultant"]}
          />
          <section aria-labelledby="calibration-heading" className="stack">
            <h2 id="calibration-heading">Calibration</h2>
            <table>
              <caption>Brier score (lower is better), log score (log₂, higher is better), expected calibration error</caption>
              <thead>
                <tr>
                  <th scope="col">origin</th>
                  <th scope="col">judge</th>
                  <th scope="col">n</th>
                  <th scope="col">Brier</th>
                  <th scope="col">log score</th>
                  <th scope="col">ECE</th>
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
              <ReliabilityDiagram key={`${row.origin}|${row.judge}`} title={`${row.origin}, ${row.judge}`} bins={row.bins} />
            ))}
          </section>
          <section aria-labelledby="persuasion-heading" className="stack">
            <h2 id="persuasion-heading">Debater persuasiveness</h2>
            <RatingsPlot rows={report.data.persuasiveness} />
            <table>
              <caption>Bradley-Terry ratings (Elo scale, bootstrap 95% interval) and wins while arguing a wrong answer</caption>
              <thead>
                <tr>
                  <th scope="col">debater</th>
                  <th scope="col">rating</th>
                  <th scope="col">95% interval</th>
                  <th scope="col">matches</th>
                  <th scope="col">wins</th>
                  <th scope="col">wrong-answer win rate</th>
                </tr>
              </thead>
              <tbody>
                {report.data.persuasiveness.map((row) => (
                  <tr key={row.debater}>
                    <td>{row.debater}</td>
                    <td>{num(row.rating, 0)}</td>
                    <td>
                      {num(row.ci_low, 0)} – {num(row.ci_high, 0)}
                    </td>
                    <td>{row.matches}</td>
                    <td>{row.wins}</td>
                    <td>
                      {pct(row.wrong_answer_win_rate)} (n={row.wrong_answer_n})
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <table>
            <caption>Human and AI judges on the same debates</caption>
            <thead>
              <tr>
                <th scope="col">origin</th>
                <th scope="col">pairs</th>
                <th scope="col">agree</th>
                <th scope="col">rate</th>
                <th scope="col">95% CI</th>
              </tr>
            </thead>
            <tbody>
              {report.data.agreement.map((row) => (
                <tr key={row.origin}>
                  <td>{row.origin}</td>
                  <td>{row.pairs}</td>
                  <td>{row.agree}</td>
                  <td>{pct(row.rate)}</td>
                  <td>
                    {pct(row.ci_low)} – {pct(row.ci_high)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </main>
  );
}
