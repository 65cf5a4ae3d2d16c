import { useElementSize } from "@mantine/hooks";
import { useEffect, useRef } from "react";
import { cspNonce } from "../../lib/cspNonce";

/** Observable Plot's module, loaded with the first chart rather than with the app. */
export type PlotModule = typeof import("@observablehq/plot");

/** Draws one chart for the width the chart has on screen. */
export type DrawChart = (Plot: PlotModule, width: number) => SVGSVGElement | HTMLElement;

/** Makes a drawn chart one image for screen readers, named and described by the `ariaLabel` and
 * `ariaDescription` given to Plot. Plot puts those on its <svg>, which is inside a <figure> when
 * the chart has a legend, so they move to the chart's root; the names Plot gives its marks'
 * groups ("rect", "rule") are never read inside an image, so they go. */
function asOneImage(chart: Element): void {
  const named = chart.hasAttribute("aria-label") ? chart : chart.querySelector("svg[aria-label]");
  for (const attribute of ["aria-label", "aria-description"]) {
    const value = named?.getAttribute(attribute);
    if (value) chart.setAttribute(attribute, value);
    for (const part of chart.querySelectorAll(`[${attribute}]`)) part.removeAttribute(attribute);
  }
  chart.setAttribute("role", "img");
}

/** A statistical chart drawn by Observable Plot at the width of its container, redrawn when
 * that width or `draw` changes (wrap `draw` in useCallback). Plot writes its base rules into a
 * <style> element of its own; it gets this page's CSP nonce before it is inserted, so the
 * policy allows it. Label the chart with Plot's `ariaLabel` and `ariaDescription`; with
 * `oneImage` the chart is read as one image by that name and description (a chart whose figures
 * are all in the description), otherwise Plot's labelled groups are read as groups. */
export function PlotChart({
  draw,
  minWidth = 280,
  oneImage = false,
}: {
  draw: DrawChart;
  minWidth?: number;
  oneImage?: boolean;
}) {
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
      if (oneImage) {
        asOneImage(chart);
      } else {
        // Plot labels a mark's <g> with aria-label but gives it no role, which ARIA prohibits
        // (axe: aria-prohibited-attr); a group may carry a label.
        for (const group of chart.querySelectorAll("g[aria-label]:not([role])")) {
          group.setAttribute("role", "group");
        }
      }
      holder.current?.replaceChildren(chart);
    });
    return () => {
      unmounted = true;
      chart?.remove();
    };
  }, [draw, width, minWidth, oneImage]);
  return (
    <div ref={sized} className="plot-chart">
      <div ref={holder} />
    </div>
  );
}
