import { useEffect, useRef, useState } from "react";
import { useParams } from "react-router";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { Loading } from "../../../components/Loading";
import type { LabelItem } from "../api/hazards";
import { useMyReliability, useNextItem, useSkipItem, useSubmitLabel } from "../hooks/useHazards";
import { AttackForm } from "./AttackForm";
import { HighlightedText, mergeSpans, selectedSpan } from "./HighlightedText";

type Verdict = "harmful" | "safe" | "refusal" | null;

const SHORTCUTS = [
  ["Enter", "show the response after the warning"],
  ["h / n / r", "harmful / not harmful / needless refusal"],
  ["1-9", "toggle a category"],
  ["[ / ]", "lower / raise severity"],
  ["m", "mark the selected text as a span"],
  ["e", "write the safe rewrite"],
  ["Ctrl+Enter", "submit"],
  ["s", "skip with a reason"],
] as const;

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLTextAreaElement || target instanceof HTMLInputElement;
}

function LabelForm({ item, campaign }: { item: LabelItem; campaign: number }) {
  const [revealed, setRevealed] = useState(false);
  const [verdict, setVerdict] = useState<Verdict>(null);
  const [categories, setCategories] = useState<string[]>([]);
  const [severity, setSeverity] = useState(0);
  const [spans, setSpans] = useState<number[][]>([]);
  const [rewrite, setRewrite] = useState("");
  const [skipping, setSkipping] = useState(false);
  const [reason, setReason] = useState("");
  const rewriteRef = useRef<HTMLTextAreaElement>(null);
  const reasonRef = useRef<HTMLInputElement>(null);
  const textRef = useRef<HTMLPreElement>(null);
  const submit = useSubmitLabel(campaign);
  const skip = useSkipItem(campaign);
  const codes = item.taxonomy.categories.map((c) => c.code);
  const maxSeverity = Math.max(...item.taxonomy.severity_scale.map((level) => level.level));
  const needsRewrite = verdict === "harmful" || verdict === "refusal";

  function choose(next: Verdict) {
    setVerdict(next);
    if (next === "harmful") {
      setSeverity((s) => Math.max(s, 1));
    } else {
      setSeverity(0);
      setCategories([]);
    }
  }

  function toggle(code: string) {
    if (verdict !== "harmful") return;
    setCategories((cs) => (cs.includes(code) ? cs.filter((c) => c !== code) : [...cs, code]));
  }

  function markSelection() {
    const span = textRef.current ? selectedSpan(textRef.current) : null;
    if (span) setSpans((s) => mergeSpans([...s, span]));
    window.getSelection()?.removeAllRanges();
  }

  function send() {
    if (verdict === null) return;
    submit.mutate({
      response: item.response,
      body: {
        harmful: verdict === "harmful",
        needless_refusal: verdict === "refusal",
        categories,
        severity,
        spans,
        rewrite: needsRewrite ? rewrite : "",
      },
    });
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      send();
      return;
    }
    if (isTyping(event.target)) return;
    if (!revealed) {
      if (event.key === "Enter") {
        event.preventDefault();
        setRevealed(true);
      }
      return;
    }
    const key = event.key;
    if (key === "h") choose("harmful");
    else if (key === "n") choose("safe");
    else if (key === "r") choose("refusal");
    else if (key >= "1" && key <= "9") {
      const code = codes[Number(key) - 1];
      if (code) toggle(code);
    } else if (key === "[") setSeverity((s) => Math.max(verdict === "harmful" ? 1 : 0, s - 1));
    else if (key === "]" && verdict === "harmful") setSeverity((s) => Math.min(maxSeverity, s + 1));
    else if (key === "m") markSelection();
    else if (key === "e" && needsRewrite) {
      event.preventDefault();
      rewriteRef.current?.focus();
    } else if (key === "s") {
      event.preventDefault();
      setSkipping(true);
    }
  }

  useEffect(() => {
    if (skipping) reasonRef.current?.focus();
  }, [skipping]);

  // Shortcuts work wherever focus is on the page (revealing removes the focused button).
  const latest = useRef(onKeyDown);
  useEffect(() => {
    latest.current = onKeyDown;
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => latest.current(event);
    window.addEventListener("keydown", listener);
    return () => window.removeEventListener("keydown", listener);
  }, []);

  return (
    <section aria-label="Item to label" className="label-item">
      <h2>Prompt</h2>
      <pre className="prompt-text">{item.prompt}</pre>
      <h2>Response</h2>
      {revealed ? (
        <HighlightedText ref={textRef} text={item.text} spans={spans} />
      ) : (
        <div role="alert" className="content-warning">
          <p>
            <strong>Content warning:</strong> this response was written to a red-team prompt and may
            contain harmful or offensive text. You may skip it.
          </p>
          <button type="button" onClick={() => setRevealed(true)} autoFocus>
            Show response (Enter)
          </button>
        </div>
      )}
      {revealed && (
        <>
          <fieldset>
            <legend>Verdict</legend>
            {(
              [
                ["harmful", "Harmful (h)"],
                ["safe", "Not harmful (n)"],
                ["refusal", "Needless refusal (r)"],
              ] as const
            ).map(([value, text]) => (
              <label key={value}>
                <input type="radio" name="verdict" checked={verdict === value} onChange={() => choose(value)} />
                {text}
              </label>
            ))}
          </fieldset>
          <fieldset disabled={verdict !== "harmful"}>
            <legend>Categories and severity</legend>
            {item.taxonomy.categories.map((category, index) => (
              <label key={category.code} title={category.definition}>
                <input
                  type="checkbox"
                  checked={categories.includes(category.code)}
                  onChange={() => toggle(category.code)}
                />
                {index < 9 ? `${index + 1}. ` : ""}
                {category.name}
              </label>
            ))}
            <label>
              Severity ([ / ])
              <input
                type="range"
                min={0}
                max={maxSeverity}
                value={severity}
                onChange={(e) => setSeverity(Number(e.target.value))}
              />
              <output>{severity}</output>
            </label>
          </fieldset>
          <p className="muted">
            Spans marked (m): {spans.length === 0 ? "none" : spans.map(([a, b]) => `${a}-${b}`).join(", ")}
            {spans.length > 0 && (
              <button type="button" onClick={() => setSpans([])}>
                Clear spans
              </button>
            )}
          </p>
          {needsRewrite && (
            <label className="rewrite">
              Safe rewrite (e): what should the model have said?
              <textarea ref={rewriteRef} value={rewrite} onChange={(e) => setRewrite(e.target.value)} rows={5} />
            </label>
          )}
          <ErrorMessage error={submit.error} />
          <button type="button" onClick={send} disabled={verdict === null || submit.isPending}>
            Submit (Ctrl+Enter)
          </button>
        </>
      )}
      {skipping ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            skip.mutate({ response: item.response, reason });
          }}
        >
          <label>
            Why do you skip this item?
            <input ref={reasonRef} value={reason} onChange={(e) => setReason(e.target.value)} />
          </label>
          <button type="submit">Skip</button>
          <ErrorMessage error={skip.error} />
        </form>
      ) : (
        <button type="button" onClick={() => setSkipping(true)}>
          Skip (s)
        </button>
      )}
    </section>
  );
}

function MyReliability() {
  const mine = useMyReliability();
  if (!mine.data || mine.data.labels === 0) return null;
  const pct = (x: number | null) => (x === null ? "n/a" : `${Math.round(x * 100)}%`);
  return (
    <p className="muted">
      Your labels: {mine.data.labels}. Gold accuracy: {pct(mine.data.gold_accuracy)} (
      {mine.data.gold_items} gold items). Agreement with other raters: {pct(mine.data.agreement)}.
    </p>
  );
}

export function LabelPage() {
  const campaign = Number(useParams().campaign);
  const next = useNextItem(campaign);
  return (
    <main>
      <h1>Label model responses</h1>
      <details>
        <summary>Keyboard shortcuts</summary>
        <dl>
          {SHORTCUTS.map(([key, what]) => (
            <div key={key}>
              <dt>
                <kbd>{key}</kbd>
              </dt>
              <dd>{what}</dd>
            </div>
          ))}
        </dl>
      </details>
      <MyReliability />
      {next.isPending && <Loading />}
      <ErrorMessage error={next.error} />
      {next.data === null && <p>Nothing is left for you to label in this campaign. Thank you!</p>}
      {next.data && <LabelForm key={next.data.response} item={next.data} campaign={campaign} />}
      <AttackForm campaign={campaign} />
    </main>
  );
}
