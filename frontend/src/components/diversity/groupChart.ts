import type { TFunction } from "i18next";
import type { GroupResults } from "../../lib/diversity";
import type { PlotModule } from "../plot/PlotChart";

type Point = { group: string; measure: string; rate: number; low: number; high: number };

/** The figures a chart can draw: each shown group's rate per measure with its Wilson interval;
 * suppressed figures (too few raters) have none and are left out. */
export function pointsOf(report: GroupResults, labels: Record<string, string>): Point[] {
  return report.groups.flatMap((row) =>
    row.measures.flatMap((m) =>
      m.suppressed || m.rate === null || m.low === null || m.high === null
        ? []
        : [{ group: row.group, measure: labels[m.measure] ?? m.measure, rate: m.rate, low: m.low, high: m.high }],
    ),
  );
}

/** Each point's rate as a dot on its Wilson interval as a rule, one row per group and one panel
 * per measure, on a 0–100% axis (drawn by Observable Plot through PlotChart). */
export function drawGroupChart(
  Plot: PlotModule,
  width: number,
  points: Point[],
  t: TFunction<"diversity">,
): SVGSVGElement | HTMLElement {
  return Plot.plot({
    width,
    ariaLabel: t("results.chart"),
    ariaDescription: t("results.chartDescription"),
    marginLeft: 110,
    x: { domain: [0, 1], label: t("results.axis"), grid: true, tickFormat: "%" },
    y: { label: null },
    fy: { label: null },
    marks: [
      Plot.ruleY(points, { fy: "measure", y: "group", x1: "low", x2: "high", stroke: "var(--mantine-color-blue-8)", strokeWidth: 2 }),
      Plot.dot(points, { fy: "measure", y: "group", x: "rate", fill: "var(--mantine-color-red-9)", r: 4 }),
    ],
  });
}
