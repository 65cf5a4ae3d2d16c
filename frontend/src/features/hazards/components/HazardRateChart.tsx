import { useTranslation } from "react-i18next";
import { formatCount, formatPercent } from "../../../lib/format";
import type { Analytics } from "../api/hazards";

type Rate = Analytics["hazard_rates"][number];

/** Hazard rate per model version with its 95% Wilson interval, as plain SVG bars. */
export function HazardRateChart({ rates }: { rates: Rate[] }) {
  const width = 480;
  const rowHeight = 28;
  const left = 180;
  const plot = width - left - 20;
  const height = rates.length * rowHeight + 24;
  const { t } = useTranslation("hazards");
  return (
    <svg role="img" aria-label={t("chart.versions")} width={width} height={height}>
      {rates.map((rate, index) => {
        const y = index * rowHeight + 4;
        return (
          <g key={rate.version}>
            <text x={0} y={y + 14} fontSize={12}>
              {t("chart.versionLabel", { version: rate.version, n: formatCount(rate.n) })}
            </text>
            <rect x={left} y={y} width={rate.rate * plot} height={18} fill="#c0392b" opacity={0.7} />
            <line
              x1={left + rate.low * plot}
              x2={left + rate.high * plot}
              y1={y + 9}
              y2={y + 9}
              stroke="black"
              strokeWidth={2}
            />
            <text x={left + rate.high * plot + 4} y={y + 14} fontSize={11}>
              {formatPercent(rate.rate)}
            </text>
          </g>
        );
      })}
      <line x1={left} x2={left + plot} y1={height - 16} y2={height - 16} stroke="#888" />
      <text x={left} y={height - 2} fontSize={10}>
        {formatPercent(0)}
      </text>
      <text x={left + plot - 24} y={height - 2} fontSize={10}>
        {formatPercent(1)}
      </text>
    </svg>
  );
}

/**
 * Per category, one bar per model version (oldest first) with its interval,
 * so a category's trend across versions reads left to right.
 */
export function CategoryRateChart({ rates }: { rates: Rate[] }) {
  const { t } = useTranslation("hazards");
  const codes = [...new Set(rates.flatMap((r) => r.categories.map((c) => c.code)))].sort();
  const versions = [...rates].sort((a, b) => (a.number ?? 0) - (b.number ?? 0));
  const bar = 16;
  const groupWidth = versions.length * (bar + 4) + 24;
  const plot = 100;
  const top = 14;
  const width = Math.max(codes.length * groupWidth, 120);
  const height = top + plot + 30;
  if (codes.length === 0) return <p className="muted">{t("chart.noCategories")}</p>;
  return (
    <svg role="img" aria-label={t("chart.categories")} width={width} height={height}>
      {codes.map((code, ci) => {
        const x0 = ci * groupWidth;
        return (
          <g key={code}>
            {versions.map((version, vi) => {
              const rate = version.categories.find((c) => c.code === code);
              if (!rate) return null;
              const x = x0 + vi * (bar + 4);
              const y = (value: number) => top + plot - value * plot;
              return (
                <g key={version.version}>
                  <title>
                    {t("chart.bar", {
                      code,
                      version: version.version,
                      rate: formatPercent(rate.rate),
                      harmful: formatCount(rate.harmful),
                      n: formatCount(version.n),
                    })}
                  </title>
                  <rect x={x} y={y(rate.rate)} width={bar} height={rate.rate * plot} fill="#c0392b" opacity={0.4 + (0.6 * (vi + 1)) / versions.length} />
                  <line x1={x + bar / 2} x2={x + bar / 2} y1={y(rate.low)} y2={y(rate.high)} stroke="black" />
                </g>
              );
            })}
            <text x={x0} y={height - 14} fontSize={11}>
              {code}
            </text>
          </g>
        );
      })}
      <line x1={0} x2={width} y1={top + plot} y2={top + plot} stroke="#888" />
      <text x={0} y={height - 2} fontSize={10}>
        {t("chart.legend", { versions: versions.map((v) => v.version).join(", ") })}
      </text>
    </svg>
  );
}
