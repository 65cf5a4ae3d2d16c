import type { ReportTableData, StudyReport } from "../api/studies";
import { ReportPlot } from "./ReportPlot";

function cell(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : value.toFixed(3);
  return String(value);
}

function ReportTable({ table }: { table: ReportTableData }) {
  return (
    <table className="study-table">
      <caption>{table.title}</caption>
      <thead>
        <tr>
          {table.columns.map((column) => (
            <th key={column} scope="col">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row, index) => (
          <tr key={index}>
            {row.map((value, column) => (
              <td key={column}>{cell(value)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A study's report: its summary, every table and every plot (numbers to three decimals). */
export function ReportView({ report }: { report: StudyReport }) {
  return (
    <section className="study-report stack" aria-label="Report">
      <p className="study-summary">{report.summary}</p>
      {report.tables.map((table) => (
        <ReportTable key={table.title} table={table} />
      ))}
      {report.plots.map((plot) => (
        <ReportPlot key={plot.title} plot={plot} />
      ))}
    </section>
  );
}
