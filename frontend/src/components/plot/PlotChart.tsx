import { useElementSize } from "@mantine/hooks";
import { useEffect, useRef } from "react";
import { cspNonce } from "../../lib/cspNonce";

/** Observable Plot's module, loaded with the first chart rather than with the app. */
export type PlotModule = typeof import("@observablehq/plot");

/** Draws one chart for the width the chart has on screen. */
export type DrawChart = (Plot: PlotModule, width: number) => SVGSVGElement | HTMLElement;

/** A statistical chart drawn by Observable Plot at the width of its container, redrawn when
 * that width or `draw` changes (wrap `draw` in useCallback). Plot writes its base rules into a
 * <style> element of its own; it gets this page's CSP nonce before it is inserted, so the
 * policy allows it. Label the chart with Plot's `ariaLabel` and `ariaDescription`. */
export function PlotChart({ draw, minWidth = 280 }: { draw: DrawChart; minWidth?: number }) {
  const { ref: sized, width } = useElementSize<HTMLDivElement>();
  const holder = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let chart: Element | null = null;
    let unmounted = false;
    void import("@observablehq/plot").then((Plot) => {
      if (unmounted) return;
      chart = draw(Plot, Math.max(minWidth, Math.floor(width) || 640));
      const nonce = cspNonce();
      for (const style of chart.querySelectorAll("style")) style.nonce = nonce;
      // Plot labels a mark's <g> with aria-label but gives it no role, which ARIA prohibits
      // (axe: aria-prohibited-attr); a group may carry a label.
      for (const group of chart.querySelectorAll("g[aria-label]:not([role])")) {
        group.setAttribute("role", "group");
      }
      holder.current?.replaceChildren(chart);
    });
    return () => {
      unmounted = true;
      chart?.remove();
    };
  }, [draw, width, minWidth]);
  return (
    <div ref={sized} className="plot-chart">
      <div ref={holder} />
    </div>
  );
}
