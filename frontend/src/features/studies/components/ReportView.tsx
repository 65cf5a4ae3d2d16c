import { Stack, Table, Text } from "@mantine/core";
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
    // About 7 rem a column: past that a narrow screen scrolls the table, never the page.
    <Table.ScrollContainer minWidth={`${Math.max(table.columns.length, 2) * 7}rem`} type="native">
      <Table captionSide="top" tabularNums>
        <Table.Caption ta="left" fw={600}>{table.title}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {table.columns.map((column) => (
              <Table.Th key={column} scope="col">
                {column}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {table.rows.map((row, index) => (
            <Table.Tr key={index}>
              {row.map((value, column) => (
                <Table.Td key={column}>{cell(value)}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** A study's report: its summary, every table and every plot (numbers to three decimals). */
export function ReportView({ report }: { report: StudyReport }) {
  const { t } = useTranslation("studies");
  return (
    <Stack component="section" aria-label={t("report.label")}>
      <Text style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>{report.summary}</Text>
      {report.tables.map((table) => (
        <ReportTable key={table.title} table={table} />
      ))}
      {report.plots.map((plot) => (
        <ReportPlot key={plot.title} plot={plot} />
      ))}
    </Stack>
  );
}
