import { ColorSwatch, Group, Stack, Text } from "@mantine/core";
import { useCallback, useId } from "react";
import { useTranslation } from "react-i18next";
import { PlotChart, type PlotModule } from "../../../components/plot/PlotChart";
import type { ReportPlotData } from "../api/studies";
import { chartOf } from "./chart";
import { PALETTE } from "./palette";

/** A report plot with its caption and a legend of its series; the chart itself is drawn by
 * Observable Plot (chart.ts) through PlotChart. */
export function ReportPlot({ plot }: { plot: ReportPlotData }) {
  const captionId = useId();
  const { t } = useTranslation("studies");
  const description = t("report.plotDescription", {
    y: plot.y_label,
    x: plot.x_label,
    series: plot.series.map((series) => series.name).join(", "),
  });
  const draw = useCallback(
    (Plot: PlotModule, width: number) => chartOf(Plot, plot, width, description),
    [plot, description],
  );
  return (
    <Stack component="figure" gap="xs" m={0} className="study-plot" aria-labelledby={captionId}>
      <Text component="figcaption" id={captionId} fw={600}>
        {plot.title}
      </Text>
      <PlotChart draw={draw} />
      <Group
        component="ul"
        gap="md"
        m={0}
        p={0}
        style={{ listStyle: "none" }}
        aria-label={t("report.series", { title: plot.title })}
      >
        {plot.series.map((series, index) => (
          <Group component="li" key={series.name} gap={6} wrap="nowrap">
            <ColorSwatch
              color={PALETTE[index % PALETTE.length] ?? "currentColor"}
              size={10}
              radius={0}
              withShadow={false}
              aria-hidden
            />
            {series.name}
          </Group>
        ))}
      </Group>
    </Stack>
  );
}
