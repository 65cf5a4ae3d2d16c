import { useTranslation } from "react-i18next";
import type { PersuasivenessRow, ReliabilityBin } from "../api/debates";

const W = 320;
const H = 320;
const PAD = 36;
const scale = (value: number) => PAD + value * (W - 2 * PAD);

/** Reliability diagram: accuracy against confidence per bin; the diagonal is perfect calibration. */
export function ReliabilityDiagram({ title, bins }: { title: string; bins: ReliabilityBin[] }) {
  const { t } = useTranslation("debates");
  const total = bins.reduce((sum, bin) => sum + bin.n, 0) || 1;
  return (
    <figure>
      <svg viewBox={`0 0 ${W} ${H}`} width={W} height={H} role="img" aria-label={t("plots.reliability", { title })}>
        <line x1={scale(0)} y1={H - scale(0)} x2={scale(1)} y2={H - scale(1)} stroke="#999" strokeDasharray="4 4" />
        <line x1={scale(0)} y1={H - scale(0)} x2={scale(1)} y2={H - scale(0)} stroke="#333" />
        <line x1={scale(0)} y1={H - scale(0)} x2={scale(0)} y2={H - scale(1)} stroke="#333" />
        {bins.map((bin) => (
          <g key={bin.low}>
            <rect
              x={scale(bin.low) + 1}
              y={H - scale(bin.accuracy)}
              width={scale(bin.high) - scale(bin.low) - 2}
              height={scale(bin.accuracy) - PAD}
              fill="#4a78b5"
              fillOpacity={0.25 + 0.75 * (bin.n / total)}
            >
              <title>
                {t("plots.bin", {
                  low: Math.round(bin.low * 100),
                  high: Math.round(bin.high * 100),
                  accuracy: (bin.accuracy * 100).toFixed(0),
                  n: bin.n,
                })}
              </title>
            </rect>
            <circle cx={scale(bin.confidence)} cy={H - scale(bin.accuracy)} r={3} fill="#c0392b" />
          </g>
        ))}
        <text x={W / 2} y={H - 6} textAnchor="middle" fontSize="11">
          {t("plots.confidence")}
        </text>
        <text x={12} y={H / 2} textAnchor="middle" fontSize="11" transform={`rotate(-90 12 ${H / 2})`}>
          {t("plots.accuracy")}
        </text>
      </svg>
      <figcaption>{title}</figcaption>
    </figure>
  );
}

/** Bradley-Terry ratings with their bootstrap intervals, one row per debater. */
export function RatingsPlot({ rows }: { rows: PersuasivenessRow[] }) {
  const { t } = useTranslation("debates");
  const rated = rows.filter((row) => row.rating !== null);
  if (rated.length === 0) return <p className="muted">{t("plots.noRatings")}</p>;
  const values = rated.flatMap((row) => [row.rating ?? 0, row.ci_low ?? 0, row.ci_high ?? 0]);
  const low = Math.min(...values, -1);
  const high = Math.max(...values, 1);
  const rowHeight = 18;
  const width = 480;
  const left = 160;
  const x = (value: number) => left + ((value - low) / (high - low)) * (width - left - 12);
  const height = rated.length * rowHeight + 24;
  return (
    <svg viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-label={t("plots.ratings")}>
      <line x1={x(0)} y1={0} x2={x(0)} y2={height - 20} stroke="#999" strokeDasharray="3 3" />
      {rated.map((row, index) => {
        const y = index * rowHeight + 12;
        return (
          <g key={row.debater}>
            <text x={left - 6} y={y + 4} textAnchor="end" fontSize="10">
              {row.debater.length > 24 ? `${row.debater.slice(0, 23)}…` : row.debater}
            </text>
            {row.ci_low !== null && row.ci_high !== null && (
              <line x1={x(row.ci_low)} y1={y} x2={x(row.ci_high)} y2={y} stroke="#4a78b5" />
            )}
            <circle cx={x(row.rating ?? 0)} cy={y} r={3} fill="#c0392b" />
          </g>
        );
      })}
      <text x={x(0)} y={height - 6} textAnchor="middle" fontSize="10">
        {t("plots.average")}
      </text>
    </svg>
  );
}
