import type { Markish } from "@observablehq/plot";
import type { PlotModule } from "../../../components/plot/PlotChart";
import type { ReportPlotData } from "../api/studies";
import { PALETTE } from "./palette";

type Row = { series: string; x: string | number; y: number; low: number | null; high: number | null };

function rowsOf(plot: ReportPlotData): Row[] {
  return plot.series.flatMap((series) =>
    series.points.flatMap((point) =>
      point.y === null
        ? []
        : [
            {
              series: series.name,
              x: typeof point.x === "number" ? point.x : String(point.x),
              y: point.y,
              low: point.low ?? null,
              high: point.high ?? null,
            },
          ],
    ),
  );
}

function marks(Plot: PlotModule, plot: ReportPlotData, rows: Row[]): Markish[] {
  const intervals = rows.filter((r) => r.low !== null && r.high !== null);
  const ruleX = Plot.ruleX(intervals, { x: "x", y1: "low", y2: "high", stroke: "series" });
  if (plot.kind === "bar") {
    return [Plot.barY(rows, { fx: "x", x: "series", y: "y", fill: "series" }), Plot.ruleY([0])];
  }
  if (plot.kind === "points") return [ruleX, Plot.dot(rows, { x: "x", y: "y", stroke: "series", fill: "series" })];
  return [ruleX, Plot.line(rows, { x: "x", y: "y", stroke: "series", marker: "circle" })];
}

/** A report plot drawn by Observable Plot at `width` pixels: lines with markers, grouped bars or
 * points, with a rule for each point's interval (low to high) where it has one, and
 * `description` for screen readers. Plot is passed in (components/plot/PlotChart loads it with
 * the first chart), so this module does not pull it into the app's bundle. */
export function chartOf(
  Plot: PlotModule,
  plot: ReportPlotData,
  width: number,
  description: string,
): SVGSVGElement | HTMLElement {
  const rows = rowsOf(plot);
  const unit = rows.every((r) => r.y >= 0 && r.y <= 1 && (r.high ?? 0) <= 1 && (r.low ?? 0) >= 0);
  const chart = Plot.plot({
    width,
    ariaLabel: plot.title,
    ariaDescription: description,
    marginBottom: 40,
    x: plot.kind === "bar" ? { axis: null } : { label: plot.x_label },
    fx: plot.kind === "bar" ? { label: plot.x_label } : undefined,
    y: { label: plot.y_label, grid: true, ...(unit ? { domain: [0, 1] } : {}) },
    color: { domain: plot.series.map((s) => s.name), range: PALETTE },
    marks: marks(Plot, plot, rows),
  });
  return chart;
}
