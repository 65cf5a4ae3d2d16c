import { useState } from "react";
import { ApiError } from "../../../lib/api/errors";
import { useDraft } from "../../../lib/useDraft";
import { useDwellTime } from "../../../lib/useDwellTime";
import type { LabelItem } from "../api/hazards";
import { mergeSpans } from "../components/HighlightedText";
import { useSubmitLabel } from "./useHazards";

export type Verdict = "harmful" | "safe" | "refusal";

/** The label fields the form shows; the server's messages about each appear next to it. */
export type LabelField = "verdict" | "categories" | "severity" | "spans" | "rewrite";

// The server names the verdict by two fields; both are about the one verdict choice.
const FORM_FIELD = new Map<string, LabelField>([
  ["harmful", "verdict"],
  ["needless_refusal", "verdict"],
  ["categories", "categories"],
  ["severity", "severity"],
  ["spans", "spans"],
  ["rewrite", "rewrite"],
]);

type Choices = {
  verdict: Verdict | null;
  categories: string[];
  severity: number;
  spans: number[][];
};

const EMPTY: Choices = { verdict: null, categories: [], severity: 0, spans: [] };

/** Where a response's unsent rewrite is kept (lib/useDraft). */
export const rewriteDraftKey = (response: number) => `hazards:${response}:rewrite`;

/**
 * One label being written, and its submission. Which fields a verdict requires is the
 * server's rule (hazards label validation): the form sends what the rater entered and shows
 * the server's messages by field. Choosing a verdict only preselects the values the server
 * expects with it (a harmful response starts at severity 1; other verdicts have no
 * categories or severity), so that a rater does not have to undo them by hand.
 */
export function useLabelForm(item: LabelItem, campaign: number) {
  const [draft, setDraft] = useState<Choices>(EMPTY);
  // The rewrite is the rater's typed work: kept per item until the label is saved.
  const rewrite = useDraft(rewriteDraftKey(item.response));
  const submit = useSubmitLabel(campaign);
  const dwell = useDwellTime(item.response);
  const maxSeverity = Math.max(...item.taxonomy.severity_scale.map((level) => level.level));
  const error = submit.error instanceof ApiError ? submit.error : null;

  function choose(verdict: Verdict) {
    setDraft((d) =>
      verdict === "harmful"
        ? { ...d, verdict, severity: Math.max(d.severity, 1) }
        : { ...d, verdict, severity: 0, categories: [] },
    );
  }

  function toggle(code: string) {
    setDraft((d) => ({
      ...d,
      categories: d.categories.includes(code) ? d.categories.filter((c) => c !== code) : [...d.categories, code],
    }));
  }

  function setSeverity(severity: number) {
    setDraft((d) => ({ ...d, severity: Math.min(maxSeverity, Math.max(0, severity)) }));
  }

  function stepSeverity(by: 1 | -1) {
    setDraft((d) => ({ ...d, severity: Math.min(maxSeverity, Math.max(0, d.severity + by)) }));
  }

  function addSpan(span: [number, number]) {
    setDraft((d) => ({ ...d, spans: mergeSpans([...d.spans, span]) }));
  }

  function clearSpans() {
    setDraft((d) => ({ ...d, spans: [] }));
  }

  const canSend = draft.verdict !== null && !submit.isPending;

  function send() {
    if (draft.verdict === null || submit.isPending) return;
    // Cleared once saved, even if this item's form is gone by then (the next item replaces it);
    // a refusal keeps the draft and shows through submit.error.
    void submit.mutateAsync({
      response: item.response,
      body: {
        harmful: draft.verdict === "harmful",
        needless_refusal: draft.verdict === "refusal",
        categories: draft.categories,
        severity: draft.severity,
        spans: draft.spans,
        rewrite: rewrite.text,
        dwell_ms: dwell(),
      },
    }).then(rewrite.clear, () => undefined);
  }

  /** The server's messages about one field of the form. */
  function fieldErrors(field: LabelField): string[] {
    if (!error) return [];
    return Object.entries(error.fields).flatMap(([name, messages]) =>
      FORM_FIELD.get(name) === field ? messages : [],
    );
  }

  /** The server's messages about anything else (the item itself: already labelled, skipped). */
  const otherErrors = error
    ? Object.entries(error.fields).flatMap(([name, messages]) => (FORM_FIELD.has(name) ? [] : messages))
    : [];

  return {
    ...draft,
    rewrite: rewrite.text,
    setRewrite: rewrite.setText,
    unsaved: rewrite.unsaved,
    maxSeverity,
    choose,
    toggle,
    setSeverity,
    stepSeverity,
    addSpan,
    clearSpans,
    canSend,
    send,
    error: submit.error,
    fieldErrors,
    otherErrors,
  };
}

export type LabelForm = ReturnType<typeof useLabelForm>;
