import { Box, Stack, Text } from "@mantine/core";
import { useCallback, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "../../../components/EmptyState";
import { PlotChart, type DrawChart } from "../../../components/plot/PlotChart";
import { formatCount, formatFixed, formatNumber } from "../../../lib/format";

type Point = { step: number; loss: number; series: string };

/** Each history entry is [step, loss] or [step, loss, eval loss]; anything else is skipped. */
function pointsOf(history: number[][], trainName: string, evalName: string): { train: Point[]; evals: Point[] } {
  const train: Point[] = [];
  const evals: Point[] = [];
  for (const [step, loss, evalLoss] of history) {
    if (step === undefined || loss === undefined || !Number.isFinite(step) || !Number.isFinite(loss)) continue;
    train.push({ step, loss, series: trainName });
    if (evalLoss !== undefined && Number.isFinite(evalLoss)) evals.push({ step, loss: evalLoss, series: evalName });
  }
  return { train, evals };
}

/** The training loss per logged step, drawn by Observable Plot: a line over the steps, with
 * the evaluation loss as dots where a history entry carries one ([step, loss, eval loss]). */
export function LossPlot({ history, totalSteps }: { history: number[][]; totalSteps: number }) {
  const { t } = useTranslation("training");
  const trainName = t("loss.train");
  const evalName = t("loss.eval");
  const { train, evals } = useMemo(() => pointsOf(history, trainName, evalName), [history, trainName, evalName]);
  const first = train[0];
  const last = train[train.length - 1];
  const lastStep = Math.max(totalSteps, last?.step ?? 0, 1);

  const draw = useCallback<DrawChart>(
    (Plot, width) => {
      const chart = Plot.plot({
        width,
        height: 240,
        marginLeft: 56,
        x: { label: t("loss.step"), domain: [0, lastStep], grid: true, tickFormat: formatCount },
        y: { label: t("loss.loss"), grid: true, nice: true, tickFormat: formatNumber },
        color: { domain: [trainName, evalName], legend: evals.length > 0 },
        marks: [
          Plot.line(train, { x: "step", y: "loss", stroke: "series", strokeWidth: 2 }),
          // A line needs two points: the first logged step alone shows as a dot.
          Plot.dot(train.length === 1 ? train : [], { x: "step", y: "loss", fill: "series" }),
          Plot.dot(evals, { x: "step", y: "loss", fill: "series", symbol: "diamond", r: 4 }),
        ],
      });
      return chart;
    },
    [train, evals, lastStep, t, trainName, evalName],
  );

  if (first === undefined || last === undefined) return <EmptyState>{t("loss.empty")}</EmptyState>;
  return (
    <Stack gap={4}>
      <Text fw={500}>{t("loss.title")}</Text>
      <Box
        role="img"
        aria-label={t("loss.label", {
          first: formatFixed(first.loss, 3),
          last: formatFixed(last.loss, 3),
          count: train.length,
          n: formatCount(train.length),
        })}
      >
        <PlotChart draw={draw} />
      </Box>
    </Stack>
  );
}
