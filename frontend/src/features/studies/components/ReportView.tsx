import { useTranslation } from "react-i18next";
import type { ReportTableData, StudyReport } from "../api/studies";
import { ReportPlot } from "./ReportPlot";

// Fractions always show three decimals (not lib/format's "at most three") so that a column's
// figures line up and a measured 0.500 does not read as a rounder 0.5; the decimal sign is the
// reader's locale's.
const fraction = new Intl.NumberFormat(undefined, { minimumFractionDigits: 3, maximumFractionDigits: 3 });

function cell(value: unknown): string {
  if (value === null || value === undefined) return "—";
  // Whole numbers stay ungrouped: many are identifiers (version, training run, snapshot).
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : fraction.format(value);
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
  const { t } = useTranslation("studies");
  return (
    <section className="study-report stack" aria-label={t("report.label")}>
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
