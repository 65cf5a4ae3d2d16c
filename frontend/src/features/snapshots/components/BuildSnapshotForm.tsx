import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useCallback, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ErrorMessage, inputError } from "../../../components/ErrorMessage";
import { ApiError } from "../../../lib/api/errors";
import type { SignalKind, Snapshot } from "../api/snapshots";
import { useLines, useRequestSnapshot } from "../hooks/useSnapshots";

// The kinds a recipe may read (labels under "kinds" in src/locales/en/snapshots.json); the
// server says which of them feed the chosen format.
const KINDS = [
  "preference",
  "judgement",
  "hazard_label",
  "adjudication",
  "safe_rewrite",
  "vote",
  "debate_turn",
  "ai_output",
] as const satisfies readonly SignalKind[];
type Kind = (typeof KINDS)[number];
const FORMATS = ["preference", "sft", "binary_qa"] as const;
const MIX_BY = ["source", "model_version", "rater_background"] as const;

/** "group = weight" per line into an object; the lines it cannot read, for a message. */
function parseWeights(text: string): { weights: Record<string, number>; unreadable: string[] } {
  const weights: Record<string, number> = {};
  const unreadable: string[] = [];
  for (const line of text.split("\n").map((l) => l.trim()).filter(Boolean)) {
    const [group, value] = line.split("=").map((part) => part.trim());
    const weight = Number(value);
    if (!group || value === undefined || value === "" || !Number.isFinite(weight)) unreadable.push(line);
    else weights[group] = weight;
  }
  return { weights, unreadable };
}

/** Messages about a group of inputs rather than one (shown under the group). */
function FormMessages({ messages }: { messages: string[] }) {
  return messages.map((message) => (
    <Text key={message} size="sm" c="red.9" mt="xs">
      {message}
    </Text>
  ));
}

/** A datetime-local value (the reader's clock) as an ISO instant, or null when empty. */
function instant(local: string): string | null {
  return local ? new Date(local).toISOString() : null;
}

/** The weights text, with its unreadable lines flagged as they are typed. It keeps its own
 * state (the form reads it on submit) so that a keystroke re-renders this input alone, not
 * the whole form. */
function WeightsInput({ onText, serverErrors }: { onText: (text: string) => void; serverErrors: string[] }) {
  const { t } = useTranslation("snapshots");
  const [value, setValue] = useState("");
  const { unreadable } = parseWeights(value);
  return (
    <Textarea
      label={t("form.weights")}
      rows={3}
      value={value}
      placeholder={t("form.weightsExample")}
      onChange={(e) => {
        onText(e.currentTarget.value);
        setValue(e.currentTarget.value);
      }}
      error={inputError([...unreadable.map((line) => t("form.unreadableWeight", { line })), ...serverErrors])}
    />
  );
}

/** Admins request a snapshot by its recipe: kinds, format, window, weights and floors. */
export function BuildSnapshotForm({ onRequested }: { onRequested: (snapshot: Snapshot) => void }) {
  const lines = useLines();
  const build = useRequestSnapshot();
  const { t } = useTranslation("snapshots");
  const [line, setLine] = useState("");
  const [kinds, setKinds] = useState<Set<Kind>>(new Set(["preference"]));
  const [format, setFormat] = useState<(typeof FORMATS)[number]>("preference");
  const [since, setSince] = useState("");
  const [until, setUntil] = useState("");
  const [mixBy, setMixBy] = useState<(typeof MIX_BY)[number]>("source");
  // Read on submit only: the form need not re-render on each keystroke in the weights.
  const weightsText = useRef("");
  const setWeightsText = useCallback((text: string) => {
    weightsText.current = text;
  }, []);
  const [minAgreement, setMinAgreement] = useState("0");
  const [minReliability, setMinReliability] = useState("0");
  const [evalFraction, setEvalFraction] = useState("0.2");
  const [maxExamples, setMaxExamples] = useState("");
  const [seed, setSeed] = useState("0");
  const [dedupe, setDedupe] = useState(true);
  const [byQuality, setByQuality] = useState(false);
  const [conditioned, setConditioned] = useState(false);
  const error = build.error instanceof ApiError ? build.error : null;
  const fieldErrors = (field: string) => error?.fieldErrors(field) ?? [];

  function toggleKind(kind: Kind, on: boolean) {
    const next = new Set(kinds);
    if (on) next.add(kind);
    else next.delete(kind);
    setKinds(next);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsedWeights = parseWeights(weightsText.current);
    if (parsedWeights.unreadable.length > 0) return;
    build.mutate(
      {
        line: line || null,
        recipe: {
          kinds: KINDS.filter((k) => kinds.has(k)),
          format,
          since: instant(since),
          until: instant(until),
          mix_by: mixBy,
          weights: parsedWeights.weights,
          min_agreement: Number(minAgreement),
          min_reliability: Number(minReliability),
          eval_fraction: Number(evalFraction),
          max_examples: maxExamples ? Number(maxExamples) : null,
          seed: Number(seed),
          dedupe,
          weight_by_quality: byQuality,
          ...(conditioned ? { condition_on_constitution: true } : {}),
        },
      },
      { onSuccess: onRequested },
    );
  }

  return (
    <Paper component="form" withBorder p="md" onSubmit={submit} aria-labelledby="build-snapshot-heading">
      <Stack>
        <Title order={2} id="build-snapshot-heading">
          {t("form.title")}
        </Title>
        <Fieldset legend={t("form.kinds")}>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
            {KINDS.map((kind) => (
              <Checkbox
                key={kind}
                label={t(`kinds.${kind}`)}
                checked={kinds.has(kind)}
                onChange={(e) => toggleKind(kind, e.currentTarget.checked)}
              />
            ))}
          </SimpleGrid>
          <FormMessages messages={fieldErrors("kinds")} />
        </Fieldset>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t("form.format")}
            value={format}
            onChange={(e) => setFormat(e.currentTarget.value as typeof format)}
            error={inputError(fieldErrors("format"))}
          >
            {FORMATS.map((f) => (
              <option key={f} value={f}>
                {t(`formats.${f}`)}
              </option>
            ))}
          </NativeSelect>
          <NativeSelect
            label={t("form.line")}
            value={line}
            onChange={(e) => setLine(e.currentTarget.value)}
            error={inputError(fieldErrors("line"))}
          >
            <option value="">{t("form.noLine")}</option>
            {lines.data?.results.map((l) => (
              <option key={l.slug} value={l.slug}>
                {l.name}
              </option>
            ))}
          </NativeSelect>
        </SimpleGrid>
        <Fieldset legend={t("form.window")}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              type="datetime-local"
              label={t("form.since")}
              value={since}
              onChange={(e) => setSince(e.currentTarget.value)}
              error={inputError(fieldErrors("since"))}
            />
            <TextInput
              type="datetime-local"
              label={t("form.until")}
              value={until}
              onChange={(e) => setUntil(e.currentTarget.value)}
              error={inputError(fieldErrors("until"))}
            />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend={t("form.mix")}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label={t("form.mixBy")}
              value={mixBy}
              onChange={(e) => setMixBy(e.currentTarget.value as typeof mixBy)}
            >
              {MIX_BY.map((m) => (
                <option key={m} value={m}>
                  {t(`mixBy.${m}`)}
                </option>
              ))}
            </NativeSelect>
            <WeightsInput onText={setWeightsText} serverErrors={fieldErrors("weights")} />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend={t("form.floors")}>
          <Stack>
            <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
              <NumberInput
                label={t("form.minAgreement")}
                value={minAgreement}
                onChange={(value) => setMinAgreement(String(value))}
                error={inputError(fieldErrors("min_agreement"))}
              />
              <NumberInput
                label={t("form.minReliability")}
                value={minReliability}
                onChange={(value) => setMinReliability(String(value))}
                error={inputError(fieldErrors("min_reliability"))}
              />
              <NumberInput
                label={t("form.evalFraction")}
                value={evalFraction}
                onChange={(value) => setEvalFraction(String(value))}
                error={inputError(fieldErrors("eval_fraction"))}
              />
              <NumberInput
                label={t("form.maxExamples")}
                value={maxExamples}
                onChange={(value) => setMaxExamples(String(value))}
                allowDecimal={false}
                error={inputError(fieldErrors("max_examples"))}
              />
              <NumberInput
                label={t("form.seed")}
                value={seed}
                onChange={(value) => setSeed(String(value))}
                allowDecimal={false}
              />
            </SimpleGrid>
            <Checkbox label={t("form.dedupe")} checked={dedupe} onChange={(e) => setDedupe(e.currentTarget.checked)} />
            <Checkbox
              label={t("form.byQuality")}
              checked={byQuality}
              onChange={(e) => setByQuality(e.currentTarget.checked)}
            />
            <Checkbox
              label={t("form.conditioned")}
              checked={conditioned}
              onChange={(e) => setConditioned(e.currentTarget.checked)}
            />
            <FormMessages messages={[...fieldErrors("condition_on_constitution"), ...fieldErrors("recipe")]} />
          </Stack>
        </Fieldset>
        <ErrorMessage error={build.error} />
        <Group>
          <Button type="submit" disabled={build.isPending || kinds.size === 0}>
            {t("form.submit")}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
