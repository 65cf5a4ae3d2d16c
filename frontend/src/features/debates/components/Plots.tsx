import { Stack, Text } from "@mantine/core";
import { useCallback, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "../../../components/EmptyState";
import { PlotChart, type PlotModule } from "../../../components/plot/PlotChart";
import { formatCount, formatNumber, formatPercent } from "../../../lib/format";
import type { PersuasivenessRow, ReliabilityBin } from "../api/debates";

// Mantine's palette (app/theme.ts): blue 8 and red 9 keep 4.5:1 on white, gray 6 is for guides.
const BLUE = "#1971c2";
const RED = "#c92a2a";
const GUIDE = "#868e96";

const percentTicks = (value: number) => formatPercent(value);

/**
 * Reliability diagram: for each confidence bin, the judges' accuracy at their mean confidence in
 * the answer they leaned to, as a dot sized and labelled by how many judgements fell in the bin;
 * the bin's range is shaded behind it. Dots on the dashed diagonal are perfectly calibrated;
 * below it the judges were overconfident. The bins carry no intervals, so none are drawn.
 */
export function ReliabilityDiagram({ title, bins }: { title: string; bins: ReliabilityBin[] }) {
  const { t } = useTranslation("debates");
  const label = t("plots.reliability", { title });
  const draw = useCallback(
    (Plot: PlotModule, width: number) => {
      const binText = (bin: ReliabilityBin) =>
        t("plots.bin", {
          low: formatPercent(bin.low),
          high: formatPercent(bin.high),
          accuracy: formatPercent(bin.accuracy),
          n: formatCount(bin.n),
        });
      // Square, so the diagonal is at 45°; no wider than reads well.
      const size = Math.min(width, 420);
      return Plot.plot({
        width: size,
        height: size,
        marginLeft: 52,
        marginBottom: 44,
        marginTop: 24,
        ariaLabel: label,
        ariaDescription: t("plots.reliabilityDescription", { bins: bins.map(binText).join("; ") }),
        x: { domain: [0, 1], label: t("plots.confidence"), tickFormat: percentTicks, ticks: 5, grid: true },
        y: { domain: [0, 1], label: t("plots.accuracy"), tickFormat: percentTicks, ticks: 5, grid: true },
        r: { range: [3, 12] },
        marks: [
          Plot.rectY(bins, { x1: "low", x2: "high", y: "accuracy", fill: BLUE, fillOpacity: 0.15, inset: 1 }),
          Plot.line(
            [
              [0, 0],
              [1, 1],
            ],
            { stroke: GUIDE, strokeDasharray: "4 4" },
          ),
          Plot.dot(bins, {
            x: "confidence",
            y: "accuracy",
            r: "n",
            fill: RED,
            stroke: "white",
            title: binText,
          }),
          Plot.text(bins, {
            x: "confidence",
            y: "accuracy",
            text: (bin: ReliabilityBin) => t("plots.count", { n: formatCount(bin.n) }),
            dy: -16,
            fontSize: 11,
          }),
        ],
      });
    },
    [bins, label, t],
  );
  return (
    <Stack component="figure" gap={4} m={0}>
      {bins.length === 0 ? <EmptyState>{t("plots.noBins")}</EmptyState> : <PlotChart draw={draw} oneImage />}
      <Text component="figcaption" size="sm" c="dimmed">
        {title}
      </Text>
    </Stack>
  );
}

/** Long debater names are cut to fit the axis; the full name is in the table below the chart. */
const shortName = (name: string) => (name.length > 24 ? `${name.slice(0, 23)}…` : name);

/** Bradley-Terry ratings (Elo scale, 0 is the average debater) with their bootstrap 95%
 * intervals as rules, one row per debater. */
export function RatingsPlot({ rows }: { rows: PersuasivenessRow[] }) {
  const { t } = useTranslation("debates");
  const rated = useMemo(() => rows.filter((row) => row.rating !== null), [rows]);
  const draw = useCallback(
    (Plot: PlotModule, width: number) => {
      const rounded = (value: number | null) =>
        value === null ? t("analytics.missing") : formatNumber(Math.round(value));
      const ratingText = (row: PersuasivenessRow) =>
        t("plots.rating", { debater: row.debater, rating: rounded(row.rating), low: rounded(row.ci_low), high: rounded(row.ci_high) });
      const intervals = rated.filter((row) => row.ci_low !== null && row.ci_high !== null);
      return Plot.plot({
        width,
        height: rated.length * 30 + 64,
        // Room for the names, but never most of a phone's width.
        marginLeft: Math.min(170, Math.round(width * 0.4)),
        marginRight: 24,
        marginBottom: 44,
        ariaLabel: t("plots.ratings"),
        ariaDescription: t("plots.ratingsDescription", { ratings: rated.map(ratingText).join("; ") }),
        x: { label: t("plots.ratingAxis"), grid: true, tickFormat: formatNumber, nice: true },
        y: { label: null, domain: rated.map((row) => row.debater), tickFormat: shortName },
        marks: [
          Plot.ruleX([0], { stroke: GUIDE, strokeDasharray: "3 3" }),
          Plot.ruleY(intervals, { y: "debater", x1: "ci_low", x2: "ci_high", stroke: BLUE, strokeWidth: 2 }),
          Plot.tickX(intervals, { y: "debater", x: "ci_low", stroke: BLUE }),
          Plot.tickX(intervals, { y: "debater", x: "ci_high", stroke: BLUE }),
          Plot.dot(rated, {
            y: "debater",
            x: "rating",
            r: 4,
            fill: RED,
            title: ratingText,
          }),
        ],
      });
    },
    [rated, t],
  );
  if (rated.length === 0) return <EmptyState>{t("plots.noRatings")}</EmptyState>;
  return <PlotChart draw={draw} oneImage />;
}
