import { Mark, Text } from "@mantine/core";
import { forwardRef, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { WRAP } from "./wrapText";

/** Spans as half-open [start, end) character ranges, merged where they overlap or touch. */
export function mergeSpans(spans: number[][]): [number, number][] {
  const sorted = spans
    .map(([a = 0, b = 0]) => [a, b] as [number, number])
    .sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const merged: [number, number][] = [];
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/**
 * Character offset of a selection boundary inside root. Measured through a
 * Range so that it stays right when marks split the text into several nodes.
 */
export function offsetIn(root: Node, node: Node, offset: number): number | null {
  if (!root.contains(node)) return null;
  const range = document.createRange();
  range.setStart(root, 0);
  range.setEnd(node, offset);
  return range.toString().length;
}

/** The current selection inside root as [start, end), or null when it is empty or outside. */
export function selectedSpan(root: Node): [number, number] | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  const start = offsetIn(root, range.startContainer, range.startOffset);
  const end = offsetIn(root, range.endContainer, range.endOffset);
  if (start === null || end === null || end <= start) return null;
  return [start, end];
}

/** The response text with its marked spans highlighted. */
export const HighlightedText = forwardRef<HTMLPreElement, { text: string; spans: number[][] }>(
  function HighlightedText({ text, spans }, ref) {
    const { t } = useTranslation("hazards");
    const parts: ReactNode[] = [];
    let at = 0;
    for (const [start, end] of mergeSpans(spans)) {
      if (start > at) parts.push(text.slice(at, start));
      parts.push(<Mark key={start}>{text.slice(start, end)}</Mark>);
      at = end;
    }
    if (at < text.length) parts.push(text.slice(at));
    return (
      <Text component="pre" ref={ref} ff="monospace" size="sm" style={WRAP} aria-label={t("label.responseText")}>
        {parts}
      </Text>
    );
  },
);
