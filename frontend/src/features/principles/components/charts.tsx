import { useTranslation } from "react-i18next";
import type { RoundAnalysis, Tracking } from "../api/principles";
import { percent } from "./percent";

/** Colour-blind-safe palette (Okabe-Ito) for opinion groups; grey for people left out. */
export const GROUP_COLOURS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00"];
const UNGROUPED = "#999999";

export function groupColour(group: number | null): string {
  return group === null ? UNGROUPED : (GROUP_COLOURS[group % GROUP_COLOURS.length] ?? UNGROUPED);
}

type Groups = NonNullable<RoundAnalysis["groups"]>;

/**
 * The 2-D map of participants (dots, coloured by opinion group) and proposals (labelled
 * squares, at their PCA loadings scaled onto the participants' spread).
 */
export function OpinionMap({ groups, labels }: { groups: Groups; labels: Record<number, string> }) {
  const { t } = useTranslation("principles");
  const size = 320;
  const pad = 24;
  const spread = Math.max(
    1e-9,
    ...groups.voters.flatMap((v) => [Math.abs(v.x), Math.abs(v.y)]),
  );
  const loadSpread = Math.max(1e-9, ...groups.proposals.flatMap((p) => [Math.abs(p.x), Math.abs(p.y)]));
  const scale = (value: number, max: number) => size / 2 + (value / max) * (size / 2 - pad);
  return (
    <svg
      role="img"
      aria-label={t("charts.opinionMap", { voters: groups.voters.length, count: groups.k })}
      viewBox={`0 0 ${size} ${size}`}
      width={size}
      height={size}
    >
      <rect x={0} y={0} width={size} height={size} fill="none" stroke="#ccc" />
      <line x1={size / 2} y1={0} x2={size / 2} y2={size} stroke="#eee" />
      <line x1={0} y1={size / 2} x2={size} y2={size / 2} stroke="#eee" />
      {groups.voters.map((voter, index) => (
        <circle
          key={index}
          cx={scale(voter.x, spread)}
          cy={scale(voter.y, spread)}
          r={5}
          fill={groupColour(voter.group)}
          opacity={0.8}
        >
          <title>{voter.group === null ? t("charts.unplaced") : t("charts.group", { n: voter.group + 1 })}</title>
        </circle>
      ))}
      {groups.proposals.map((p) => (
        <g key={p.proposal}>
          <rect
            x={scale(p.x, loadSpread) - 4}
            y={scale(p.y, loadSpread) - 4}
            width={8}
            height={8}
            fill="#333"
          />
          <text x={scale(p.x, loadSpread) + 6} y={scale(p.y, loadSpread) + 4} fontSize={10}>
            {labels[p.proposal] ?? `#${p.proposal}`}
          </text>
        </g>
      ))}
    </svg>
  );
}

/** Horizontal bars: the share agreeing in each opinion group, with the rule's threshold. */
export function GroupAgreementBars({
  groupAgreement,
  threshold,
}: {
  groupAgreement: Record<string, number | null>;
  threshold: number;
}) {
  const { t } = useTranslation("principles");
  const entries = Object.entries(groupAgreement);
  const width = 220;
  const row = 16;
  return (
    <svg
      role="img"
      aria-label={t("charts.groupAgreement")}
      viewBox={`0 0 ${width + 60} ${row * entries.length + 4}`}
      width={width + 60}
      height={row * entries.length + 4}
    >
      {entries.map(([group, share], index) => (
        <g key={group} transform={`translate(0, ${index * row})`}>
          <text x={0} y={11} fontSize={10}>
            {t("charts.groupShort", { n: Number(group) + 1 })}
          </text>
          <rect x={24} y={2} width={width} height={10} fill="#eee" />
          <rect x={24} y={2} width={width * (share ?? 0)} height={10} fill={groupColour(Number(group))} />
          <text x={width + 28} y={11} fontSize={10}>
            {percent(share)}
          </text>
        </g>
      ))}
      <line
        x1={24 + width * threshold}
        x2={24 + width * threshold}
        y1={0}
        y2={row * entries.length + 4}
        stroke="#000"
        strokeDasharray="2 2"
      />
    </svg>
  );
}

const ACTIONS = ["add", "amend", "retire"] as const;

/** Tracking points carry the action as a plain string; one this page knows is translated. */
function isAction(value: string): value is (typeof ACTIONS)[number] {
  return (ACTIONS as readonly string[]).includes(value);
}

/** The legend's colour square: a shape, not a word, so no language translates it. */
const SWATCH = "\u25A0";

export type SupportGrouping = "opinion" | "region" | "expertise";

// Okabe-Ito colours (colour-blind safe), after the blue used for the overall line.
const PALETTE = ["#E69F00", "#56B4E9", "#009E73", "#CC79A7", "#F0E442", "#D55E00", "#000000"];

/**
 * Support for one principle over rounds: overall agreement (blue line; filled dots passed).
 * "opinion": each round's opinion groups as grey dots sized by voters, not joined, because
 * groups are re-clustered every round; the dashed line is the weakest group. "region" or
 * "expertise": one line per background group, which stays the same group across rounds.
 */
export function SupportChart({
  series,
  grouping = "opinion",
}: {
  series: Tracking;
  grouping?: SupportGrouping;
}) {
  const { t } = useTranslation("principles");
  const width = 320;
  const height = 140;
  const pad = 20;
  const n = series.points.length;
  const x = (i: number) => pad + (n <= 1 ? (width - 2 * pad) / 2 : (i * (width - 2 * pad)) / (n - 1));
  const y = (share: number) => height - pad - share * (height - 2 * pad);
  const line = (values: (number | null)[]) =>
    values
      .map((v, i) => (v === null ? null : `${x(i)},${y(v)}`))
      .filter((p): p is string => p !== null)
      .join(" ");
  const overall = series.points.map((p) => p.agreement);
  const weakest = series.points.map((p) => p.min_group_agreement);
  const names =
    grouping === "opinion"
      ? []
      : [...new Set(series.points.flatMap((p) => p.backgrounds[grouping].map((g) => g.group)))].sort();
  return (
    <figure className="stack">
      <svg
        role="img"
        aria-label={t("charts.support", { key: series.key, count: n })}
        viewBox={`0 0 ${width} ${height}`}
        width={width}
        height={height}
      >
        <line x1={pad} x2={width - pad} y1={y(0)} y2={y(0)} stroke="#ccc" />
        <line x1={pad} x2={width - pad} y1={y(1)} y2={y(1)} stroke="#eee" />
        <text x={0} y={y(1) + 4} fontSize={9}>
          1
        </text>
        <text x={0} y={y(0) + 4} fontSize={9}>
          0
        </text>
        {grouping === "opinion" && (
          <>
            <polyline points={line(weakest)} fill="none" stroke="#D55E00" strokeDasharray="4 3" />
            {series.points.flatMap((p, i) =>
              p.groups.map((g) => (
                <circle
                  key={`${p.proposal}-${g.group}`}
                  data-testid="opinion-group"
                  cx={x(i)}
                  cy={y(g.agreement)}
                  r={2 + Math.sqrt(g.voters)}
                  fill="#999"
                  fillOpacity={0.5}
                >
                  <title>
                    {t("charts.opinionGroup", {
                      round: p.round_title,
                      group: g.group,
                      voters: g.voters,
                      agreement: percent(g.agreement),
                    })}
                  </title>
                </circle>
              )),
            )}
          </>
        )}
        {grouping !== "opinion" &&
          names.map((name, index) => {
            const values = series.points.map(
              (p) => p.backgrounds[grouping].find((g) => g.group === name) ?? null,
            );
            const colour = PALETTE[index % PALETTE.length];
            return (
              <g key={name} data-testid="background-line" aria-label={name}>
                <polyline
                  points={line(values.map((g) => g?.agreement ?? null))}
                  fill="none"
                  stroke={colour}
                />
                {values.map(
                  (g, i) =>
                    g && (
                      <circle key={i} cx={x(i)} cy={y(g.agreement)} r={3} fill={colour}>
                        <title>
                          {t("charts.background", {
                            round: series.points[i]?.round_title,
                            name,
                            voters: g.voters,
                            agreement: percent(g.agreement),
                          })}
                        </title>
                      </circle>
                    ),
                )}
              </g>
            );
          })}
        <polyline points={line(overall)} fill="none" stroke="#0072B2" strokeWidth={2} />
        {series.points.map((p, i) => (
          <circle
            key={p.proposal}
            cx={x(i)}
            cy={y(p.agreement ?? 0)}
            r={4}
            fill={p.passed ? "#009E73" : "#fff"}
            stroke="#0072B2"
          >
            <title>
              {t(p.passed ? "charts.pointPassed" : "charts.point", {
                round: p.round_title,
                action: isAction(p.action) ? t(`actions.${p.action}`) : p.action,
                agreement: percent(p.agreement),
              })}
            </title>
          </circle>
        ))}
      </svg>
      {names.length > 0 && (
        <figcaption>
          <ul className="plain-list" aria-label={t("charts.legend", { key: series.key, grouping: t(`charts.groupings.${grouping}`) })}>
            {names.map((name, index) => (
              <li key={name}>
                <span style={{ color: PALETTE[index % PALETTE.length] }}>
                  {SWATCH}
                </span>{" "}
                {name}
              </li>
            ))}
          </ul>
        </figcaption>
      )}
    </figure>
  );
}
