import { useEffect, useId, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { ReportPlotData } from "../api/studies";
import { PALETTE } from "./palette";

/** A report plot with its caption and a legend of its series; the chart itself is drawn by
 * Observable Plot (chart.ts). */
export function ReportPlot({ plot }: { plot: ReportPlotData }) {
  const holder = useRef<HTMLDivElement>(null);
  const captionId = useId();
  const { t } = useTranslation("studies");
  useEffect(() => {
    // Observable Plot (and d3) load with the first plot, not with the app.
    let chart: Element | null = null;
    let unmounted = false;
    void import("./chart").then(({ chartOf }) => {
      if (unmounted) return;
      chart = chartOf(plot);
      holder.current?.replaceChildren(chart);
    });
    return () => {
      unmounted = true;
      chart?.remove();
    };
  }, [plot]);
  return (
    <figure className="study-plot" aria-labelledby={captionId}>
      <figcaption id={captionId}>{plot.title}</figcaption>
      <div ref={holder} className="study-plot-chart" />
      <ul className="study-plot-legend" aria-label={t("report.series", { title: plot.title })}>
        {plot.series.map((series, index) => (
          <li key={series.name}>
            <svg width="10" height="10" aria-hidden="true">
              <rect width="10" height="10" fill={PALETTE[index % PALETTE.length]} />
            </svg>{" "}
            {series.name}
          </li>
        ))}
      </ul>
    </figure>
  );
}
