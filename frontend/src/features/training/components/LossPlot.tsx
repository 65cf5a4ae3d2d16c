import { useTranslation } from "react-i18next";
import { formatCount } from "../../../lib/format";

/** The training loss per logged step, as a plain SVG line (no chart library). */
const WIDTH = 360;
const HEIGHT = 160;
const PAD = 32;

export function LossPlot({ history, totalSteps }: { history: number[][]; totalSteps: number }) {
  const { t } = useTranslation("training");
  // Each history entry is [step, loss]; anything else is skipped.
  const points: [number, number][] = history.flatMap((p) => {
    const [step, loss] = p;
    return p.length === 2 && step !== undefined && loss !== undefined && Number.isFinite(loss)
      ? [[step, loss] as [number, number]]
      : [];
  });
  const firstPoint = points[0];
  const lastPoint = points[points.length - 1];
  if (firstPoint === undefined || lastPoint === undefined) {
    return <p className="muted">{t("loss.empty")}</p>;
  }
  const losses = points.map(([, loss]) => loss);
  const low = Math.min(...losses);
  const high = Math.max(...losses);
  const span = high - low || 1;
  const lastStep = Math.max(totalSteps, lastPoint[0], 1);
  const x = (step: number) => PAD + (step / lastStep) * (WIDTH - 2 * PAD);
  const y = (loss: number) => HEIGHT - PAD - ((loss - low) / span) * (HEIGHT - 2 * PAD);
  const path = points.map(([step, loss]) => `${x(step).toFixed(1)},${y(loss).toFixed(1)}`).join(" ");
  const first = firstPoint[1];
  const last = lastPoint[1];
  return (
    <svg
      role="img"
      aria-label={t("loss.label", { first: first.toFixed(3), last: last.toFixed(3), count: points.length, n: formatCount(points.length) })}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width={WIDTH}
      height={HEIGHT}
      className="loss-plot"
    >
      <line x1={PAD} y1={HEIGHT - PAD} x2={WIDTH - PAD} y2={HEIGHT - PAD} stroke="currentColor" />
      <line x1={PAD} y1={PAD} x2={PAD} y2={HEIGHT - PAD} stroke="currentColor" />
      <text x={PAD - 4} y={PAD} textAnchor="end" fontSize="10">
        {high.toFixed(2)}
      </text>
      <text x={PAD - 4} y={HEIGHT - PAD} textAnchor="end" fontSize="10">
        {low.toFixed(2)}
      </text>
      <text x={WIDTH - PAD} y={HEIGHT - PAD + 14} textAnchor="end" fontSize="10">
        {t("loss.lastStep", { step: lastStep })}
      </text>
      <polyline points={path} fill="none" stroke="var(--accent, #2456a6)" strokeWidth="2" />
    </svg>
  );
}
