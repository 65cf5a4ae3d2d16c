import { Stack } from "@mantine/core";
import { useCallback, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "../../../components/EmptyState";
import { PlotChart, type PlotModule } from "../../../components/plot/PlotChart";
import { formatPercent } from "../../../lib/format";
import type { Tracking } from "../api/principles";
import { BACKGROUND_COLOURS, GROUP_DOT, OVERALL, PASSED, WEAKEST } from "./chartColours";
import { ChartLegend } from "./ChartLegend";
import { percent } from "./percent";

const ACTIONS = ["add", "amend", "retire"] as const;

/** Tracking points carry the action as a plain string; one this page knows is translated. */
function isAction(value: string): value is (typeof ACTIONS)[number] {
  return (ACTIONS as readonly string[]).includes(value);
}

export type SupportGrouping = "opinion" | "region" | "expertise";

/** One dot or line vertex: a round (x), a share agreeing (y), and its hover text. */
type Point = { round: number; agreement: number; label: string };
type NamedPoint = Point & { name: string };

/** About how wide one character of a tick label is, in pixels (Plot's 10px sans-serif). */
const CHAR_WIDTH = 6;
/** Slanted tick labels are cut to this many characters (the dots' titles keep the whole). */
const SLANTED_CHARS = 16;

function shortened(title: string): string {
  return title.length > SLANTED_CHARS ? `${title.slice(0, SLANTED_CHARS - 1)}…` : title;
}

/**
 * Support for one principle over rounds: overall agreement (blue line; filled dots passed).
 * "opinion": each round's opinion groups as grey dots sized by voters, not joined, because
 * groups are re-clustered every round; the dashed line is the weakest group. "region" or
 * "expertise": one line per background group, which stays the same group across rounds.
 */
export function SupportChart({ series, grouping = "opinion" }: { series: Tracking; grouping?: SupportGrouping }) {
  const { t } = useTranslation("principles");
  const names = useMemo(
    () =>
      grouping === "opinion"
        ? []
        : [...new Set(series.points.flatMap((p) => p.backgrounds[grouping].map((g) => g.group)))].sort(),
    [series, grouping],
  );

  const draw = useCallback(
    (Plot: PlotModule, width: number) => {
      const titles = new Map(series.points.map((p) => [p.round, p.round_title]));
      const overall: (Point & { passed: boolean })[] = series.points.flatMap((p) =>
        p.agreement === null
          ? []
          : [
              {
                round: p.round,
                agreement: p.agreement,
                passed: p.passed,
                label: t(p.passed ? "charts.pointPassed" : "charts.point", {
                  round: p.round_title,
                  action: isAction(p.action) ? t(`actions.${p.action}`) : p.action,
                  agreement: percent(p.agreement),
                }),
              },
            ],
      );
      // Null (no group had votes) breaks the dashed line rather than dropping it to 0.
      const weakest = series.points.map((p) => ({ round: p.round, agreement: p.min_group_agreement }));
      const groups = series.points.flatMap((p) =>
        p.groups.map((g) => ({
          round: p.round,
          agreement: g.agreement,
          voters: g.voters,
          label: t("charts.opinionGroup", {
            round: p.round_title,
            group: g.group,
            voters: g.voters,
            agreement: percent(g.agreement),
          }),
        })),
      );
      const backgrounds: NamedPoint[] =
        grouping === "opinion"
          ? []
          : series.points.flatMap((p) =>
              p.backgrounds[grouping].map((g) => ({
                round: p.round,
                agreement: g.agreement,
                name: g.group,
                label: t("charts.background", {
                  round: p.round_title,
                  name: g.group,
                  voters: g.voters,
                  agreement: percent(g.agreement),
                }),
              })),
            );
      // Round titles side by side when they fit the plot's width, else slanted and cut short.
      const widest = Math.max(...series.points.map((p) => p.round_title.length)) * CHAR_WIDTH + 12;
      const slanted = series.points.length * widest > width - 72;
      const marks =
        grouping === "opinion"
          ? [
              Plot.line(weakest, { x: "round", y: "agreement", stroke: WEAKEST, strokeDasharray: "4 3" }),
              // Area grows with voters: radius 2 + sqrt(voters) pixels (identity r scale).
              Plot.dot(groups, {
                x: "round",
                y: "agreement",
                r: (g: (typeof groups)[number]) => 2 + Math.sqrt(g.voters),
                fill: GROUP_DOT,
                fillOpacity: 0.5,
                title: "label",
              }),
            ]
          : [
              Plot.line(backgrounds, { x: "round", y: "agreement", z: "name", stroke: "name", ariaLabel: "name" }),
              Plot.dot(backgrounds, { x: "round", y: "agreement", fill: "name", r: 3, title: "label" }),
            ];
      const chart = Plot.plot({
        width,
        height: 220,
        marginLeft: 48,
        marginRight: 24,
        marginBottom: slanted ? 72 : 36,
        ariaLabel: t("charts.support", { key: series.key, count: series.points.length }),
        ariaDescription: t("page.supportHelp"),
        x: {
          type: "point",
          domain: series.points.map((p) => p.round),
          tickFormat: (round: number) => {
            const title = titles.get(round) ?? String(round);
            return slanted ? shortened(title) : title;
          },
          tickRotate: slanted ? -30 : 0,
          label: t("charts.rounds"),
          // Room for the first slanted label, which reaches left of its tick.
          inset: slanted ? 48 : 16,
        },
        y: {
          domain: [0, 1],
          ticks: [0, 0.25, 0.5, 0.75, 1],
          tickFormat: formatPercent,
          grid: true,
          label: t("charts.agreement"),
          insetTop: 12,
          insetBottom: 4,
        },
        r: { type: "identity" },
        color: { domain: names, range: BACKGROUND_COLOURS },
        marks: [
          ...marks,
          Plot.line(overall, { x: "round", y: "agreement", stroke: OVERALL, strokeWidth: 2 }),
          Plot.dot(
            overall.filter((p) => p.passed),
            { x: "round", y: "agreement", r: 4, fill: PASSED, stroke: OVERALL, title: "label" },
          ),
          Plot.dot(
            overall.filter((p) => !p.passed),
            { x: "round", y: "agreement", r: 4, fill: "white", stroke: OVERALL, title: "label" },
          ),
        ],
      });
      chart.setAttribute("role", "img");
      return chart;
    },
    [series, grouping, names, t],
  );

  if (series.points.length === 0) return <EmptyState>{t("charts.noRounds")}</EmptyState>;
  return (
    <Stack component="figure" gap="xs" m={0}>
      <PlotChart draw={draw} />
      {grouping !== "opinion" &&
        (names.length > 0 ? (
          <ChartLegend
            label={t("charts.legend", { key: series.key, grouping: t(`charts.groupings.${grouping}`) })}
            entries={names.map((name, index) => ({
              name,
              colour: BACKGROUND_COLOURS[index % BACKGROUND_COLOURS.length] ?? OVERALL,
            }))}
          />
        ) : (
          <EmptyState>{t("charts.noBackground", { grouping: t(`charts.groupings.${grouping}`) })}</EmptyState>
        ))}
    </Stack>
  );
}
