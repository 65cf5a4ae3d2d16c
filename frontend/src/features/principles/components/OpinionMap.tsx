import { Box, Stack, Text } from "@mantine/core";
import { useCallback, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { PlotChart, type PlotModule } from "../../../components/plot/PlotChart";
import { formatNumber } from "../../../lib/format";
import type { RoundAnalysis } from "../api/principles";
import { groupColour } from "./chartColours";
import { ChartLegend } from "./ChartLegend";

type Groups = NonNullable<RoundAnalysis["groups"]>;
type Voter = Groups["voters"][number];

/** Share of the map's half-width by which voters in the same place are set apart. */
const SPREAD_APART = 0.08;

/**
 * Voters who voted alike sit on the same point, so a small round would show fewer dots than
 * voters. Each set of coinciding voters is laid on a small circle around their place instead,
 * in a fixed order (no randomness: the map reads the same on every visit).
 */
function setApart(voters: Voter[], half: number): { voters: Voter[]; moved: boolean } {
  const places = new Map<string, number[]>();
  voters.forEach((voter, index) => {
    const place = `${voter.x.toFixed(6)},${voter.y.toFixed(6)}`;
    places.set(place, [...(places.get(place) ?? []), index]);
  });
  const placed = [...voters];
  let moved = false;
  for (const members of places.values()) {
    if (members.length < 2) continue;
    moved = true;
    members.forEach((index, order) => {
      const voter = voters[index] as Voter;
      const angle = (2 * Math.PI * order) / members.length;
      placed[index] = {
        ...voter,
        x: voter.x + half * SPREAD_APART * Math.cos(angle),
        y: voter.y + half * SPREAD_APART * Math.sin(angle),
      };
    });
  }
  return { voters: placed, moved };
}

/**
 * The 2-D map of participants (dots, coloured by opinion group, named in the legend below) and
 * proposals (labelled squares, at their PCA loadings scaled onto the participants' spread).
 */
export function OpinionMap({ groups, labels }: { groups: Groups; labels: Record<number, string> }) {
  const { t } = useTranslation("principles");
  const groupName = useCallback(
    (group: number | null) => (group === null ? t("charts.unplaced") : t("charts.group", { n: group + 1 })),
    [t],
  );
  const layout = useMemo(() => {
    const spread = Math.max(...groups.voters.flatMap((v) => [Math.abs(v.x), Math.abs(v.y)]), 0);
    // All voters at the centre (everyone voted alike) still get a map of some size.
    const half = spread > 1e-9 ? spread * 1.15 : 1;
    const loadSpread = Math.max(...groups.proposals.flatMap((p) => [Math.abs(p.x), Math.abs(p.y)]), 1e-9);
    // Proposals at the same place share one square and one label ("P1, P2"), so no two
    // labels are written over each other there.
    const places = new Map<string, { x: number; y: number; label: string }>();
    for (const p of groups.proposals) {
      const x = (p.x / loadSpread) * (half / 1.15);
      const y = (p.y / loadSpread) * (half / 1.15);
      const place = `${x.toFixed(6)},${y.toFixed(6)}`;
      const label = labels[p.proposal] ?? `#${p.proposal}`;
      const shared = places.get(place);
      places.set(place, shared ? { ...shared, label: `${shared.label}, ${label}` } : { x, y, label });
    }
    const proposals = [...places.values()];
    return { half, proposals, ...setApart(groups.voters, half) };
  }, [groups, labels]);
  // Groups in order, the unplaced last, each once: the legend and the colour scale agree.
  const legend = useMemo(() => {
    const present = [...new Set(groups.voters.map((v) => v.group))].sort(
      (a, b) => (a ?? Number.MAX_SAFE_INTEGER) - (b ?? Number.MAX_SAFE_INTEGER),
    );
    return present.map((group) => ({
      name: t("charts.groupCount", {
        name: groupName(group),
        count: groups.voters.filter((v) => v.group === group).length,
      }),
      label: groupName(group),
      colour: groupColour(group),
    }));
  }, [groups, groupName, t]);

  const draw = useCallback(
    (Plot: PlotModule, width: number) => {
      const { half, proposals, voters } = layout;
      const domain: [number, number] = [-half, half];
      const axis = { domain, ticks: 5, tickFormat: formatNumber, grid: true };
      const chart = Plot.plot({
        width,
        // Square where the screen allows, so distances read the same both ways.
        height: Math.min(width, 420),
        marginLeft: 44,
        marginBottom: 40,
        ariaLabel: t("charts.opinionMap", { voters: groups.voters.length, count: groups.k }),
        ariaDescription: t("results.mapHelp"),
        x: { ...axis, label: t("charts.firstComponent") },
        y: { ...axis, label: t("charts.secondComponent") },
        color: { domain: legend.map((l) => l.label), range: legend.map((l) => l.colour) },
        marks: [
          Plot.ruleX([0], { stroke: "#ccc" }),
          Plot.ruleY([0], { stroke: "#ccc" }),
          Plot.dot(
            voters.map((v) => ({ ...v, name: groupName(v.group) })),
            { x: "x", y: "y", fill: "name", r: 5, fillOpacity: 0.85, stroke: "white", title: "name" },
          ),
          Plot.dot(proposals, { x: "x", y: "y", symbol: "square", r: 4, fill: "currentColor", title: "label" }),
          Plot.text(proposals, { x: "x", y: "y", text: "label", dx: 7, textAnchor: "start", fontSize: 11 }),
        ],
      });
      chart.setAttribute("role", "img");
      return chart;
    },
    [layout, legend, groups, groupName, t],
  );

  return (
    <Stack gap="xs">
      {/* At most about square: distances along both components read alike. */}
      <Box maw={560}>
        <PlotChart draw={draw} />
      </Box>
      <ChartLegend label={t("charts.mapLegend")} entries={legend} />
      {layout.moved && (
        <Text size="sm" c="dimmed">
          {t("charts.setApart")}
        </Text>
      )}
    </Stack>
  );
}
