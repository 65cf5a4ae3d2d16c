import * as Plot from "@observablehq/plot";
import type { TFunction } from "i18next";
import type { GroupResults } from "../../lib/diversity";

type Point = { group: string; measure: string; rate: number; low: number; high: number };

/** Each shown group's rate per measure as a dot with its Wilson interval as a rule, drawn by
 * Observable Plot; suppressed figures are not drawn. */
export function groupChartOf(
  report: GroupResults,
  labels: Record<string, string>,
  t: TFunction<"diversity">,
): SVGSVGElement | HTMLElement {
  const points: Point[] = report.groups.flatMap((row) =>
    row.measures.flatMap((m) =>
      m.suppressed || m.rate === null || m.low === null || m.high === null
        ? []
        : [{ group: row.group, measure: labels[m.measure] ?? m.measure, rate: m.rate, low: m.low, high: m.high }],
    ),
  );
  const chart = Plot.plot({
    ariaLabel: t("results.chart"),
    marginLeft: 110,
    x: { domain: [0, 1], label: t("results.axis"), grid: true, tickFormat: "%" },
    y: { label: null },
    fy: { label: null },
    marks: [
      Plot.ruleY(points, { fy: "measure", y: "group", x1: "low", x2: "high", stroke: "#4a78b5" }),
      Plot.dot(points, { fy: "measure", y: "group", x: "rate", fill: "#c0392b", r: 4 }),
    ],
  });
  // Plot writes its base styles as an inline <style>, which the Content-Security-Policy
  // refuses; diversity.css carries the same rules.
  for (const style of chart.querySelectorAll("style")) style.remove();
  return chart;
}
