import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "../../../components/EmptyState";
import { PlotChart, type PlotModule } from "../../../components/plot/PlotChart";
import { formatCount, formatPercent } from "../../../lib/format";
import type { Analytics } from "../api/hazards";

type Rate = Analytics["hazard_rates"][number];

const BAR = "#c92a2a"; // Mantine red 9: the hazard colour, dark enough for the text beside it.
// Light to dark, so that a category's newest version reads darkest.
const VERSION_SHADES = ["#ffa8a8", "#ff6b6b", "#f03e3e", "#c92a2a", "#862e2e"];

/** Hazard rate per model version as horizontal bars, each with its 95% Wilson interval. */
export function HazardRateChart({ rates }: { rates: Rate[] }) {
  const { t } = useTranslation("hazards");
  const draw = useCallback(
    (Plot: PlotModule, width: number) => {
      const rows = rates.map((rate) => ({
        ...rate,
        name: t("chart.versionLabel", { version: rate.version, n: formatCount(rate.n) }),
        title: t("chart.versionBar", {
          version: rate.version,
          rate: formatPercent(rate.rate),
          harmful: formatCount(rate.harmful),
          n: formatCount(rate.n),
          low: formatPercent(rate.low),
          high: formatPercent(rate.high),
        }),
      }));
      const longest = Math.max(...rows.map((row) => row.name.length));
      return Plot.plot({
        width,
        height: 50 + rows.length * 36,
        ariaLabel: t("chart.versions"),
        ariaDescription: rows.map((row) => row.title).join("; "),
        // Room for the version names, but never more than half the chart.
        marginLeft: Math.min(width / 2, 12 + longest * 6.5),
        marginRight: 48,
        x: { domain: [0, 1], ticks: 5, tickFormat: formatPercent, grid: true, label: t("chart.rateAxis") },
        y: { domain: rows.map((row) => row.name), label: null },
        marks: [
          Plot.barX(rows, { x: "rate", y: "name", fill: BAR, fillOpacity: 0.75, title: "title" }),
          Plot.ruleY(rows, { x1: "low", x2: "high", y: "name", stroke: "currentColor", strokeWidth: 2 }),
          Plot.text(rows, { x: "high", y: "name", text: (row: Rate) => formatPercent(row.rate), textAnchor: "start", dx: 4 }),
          Plot.ruleX([0]),
        ],
      });
    },
    [rates, t],
  );
  if (rates.length === 0) return <EmptyState>{t("chart.noRates")}</EmptyState>;
  return <PlotChart draw={draw} oneImage />;
}

/**
 * Per category, one bar per model version (oldest first, darker is newer) with its interval,
 * so a category's trend across versions reads left to right.
 */
export function CategoryRateChart({ rates }: { rates: Rate[] }) {
  const { t } = useTranslation("hazards");
  const codes = [...new Set(rates.flatMap((r) => r.categories.map((c) => c.code)))].sort();
  const draw = useCallback(
    (Plot: PlotModule, width: number) => {
      const versions = [...rates].sort((a, b) => (a.number ?? 0) - (b.number ?? 0));
      const rows = versions.flatMap((version) =>
        version.categories.map((category) => ({
          ...category,
          version: version.version,
          title: t("chart.bar", {
            code: category.code,
            version: version.version,
            rate: formatPercent(category.rate),
            harmful: formatCount(category.harmful),
            n: formatCount(version.n),
          }),
        })),
      );
      const names = versions.map((version) => version.version);
      return Plot.plot({
        width,
        height: 280,
        ariaLabel: t("chart.categories"),
        ariaDescription: rows.map((row) => row.title).join("; "),
        marginBottom: 40,
        fx: { domain: [...new Set(rows.map((row) => row.code))].sort(), label: t("chart.categoryAxis"), axis: "bottom" },
        x: { domain: names, axis: null, paddingInner: 0.1 },
        y: { domain: [0, 1], ticks: 5, tickFormat: formatPercent, grid: true, label: t("chart.rateAxis") },
        color: {
          type: "ordinal",
          domain: names,
          range: VERSION_SHADES.slice(Math.max(0, VERSION_SHADES.length - names.length)),
          legend: true,
        },
        marks: [
          Plot.barY(rows, { fx: "code", x: "version", y: "rate", fill: "version", title: "title" }),
          Plot.ruleX(rows, { fx: "code", x: "version", y1: "low", y2: "high", stroke: "currentColor" }),
          Plot.ruleY([0]),
        ],
      });
    },
    [rates, t],
  );
  if (codes.length === 0) return <EmptyState>{t("chart.noCategories")}</EmptyState>;
  return <PlotChart draw={draw} oneImage />;
}
