import { Button, Group, Slider, Stack, Text, Textarea, Title } from "@mantine/core";
import { useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ErrorMessage, FieldErrors } from "../../../components/ErrorMessage";
import { ApiError } from "../../../lib/api/errors";
import { formatPercent } from "../../../lib/format";
import { useDraft } from "../../../lib/useDraft";
import { useDwellTime } from "../../../lib/useDwellTime";
import { useUnsavedGuard } from "../../../lib/useUnsavedGuard";
import type { JudgeAssignment } from "../api/debates";
import { useCommitJudgement } from "../hooks/useDebates";
import { useVerdictKeys } from "../hooks/useVerdictKeys";

const letter = (index: number) => String.fromCharCode(65 + index);
const MIN = 1;
const MAX = 99;
const clamp = (value: number) => Math.min(MAX, Math.max(MIN, value));
// Where the digit keys put answer A: 1 is 10%, 5 is 50%, 9 is 90%.
const MARKS = [10, 50, 90].map((value) => ({ value, label: formatPercent(value / 100) }));

/**
 * Probabilities in whole percent from 1 to 99. Two answers: one slider for A (B is the rest).
 * More answers: one slider per answer, normalised to add up to 100% when committed.
 * `paused`: the page's shortcut list is open, so the verdict keys wait.
 */
export function VerdictForm({ assignment, paused }: { assignment: JudgeAssignment; paused: boolean }) {
  const options = assignment.debate.question.options;
  const { t } = useTranslation("debates");
  const [weights, setWeights] = useState<number[]>(() => options.map(() => 50));
  const rationale = useDraft(`debates:assignment:${assignment.id}:rationale`);
  useUnsavedGuard(rationale.unsaved);
  const commit = useCommitJudgement(assignment.id);
  const dwell = useDwellTime(assignment.id);
  const form = useRef<HTMLFormElement>(null);
  const rationaleBox = useRef<HTMLTextAreaElement>(null);
  const two = options.length === 2;
  const first = weights[0] ?? 50;
  const probabilities = two
    ? [first / 100, (100 - first) / 100]
    : weights.map((w) => w / weights.reduce((a, b) => a + b, 0));
  const fieldErrors = commit.error instanceof ApiError ? commit.error.fieldErrors("probabilities") : [];
  const waiting = assignment.debate.protocol !== "baseline" && assignment.turns.length === 0;
  const blocked = commit.isPending || waiting;

  const send = () => {
    if (blocked) return;
    // The draft goes once the judgement is stored; a refusal keeps it (commit.error shows why).
    commit.mutateAsync({ probabilities, rationale: rationale.text, dwell_ms: dwell() }).then(rationale.clear, () => undefined);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send();
  };
  const changeWeight = (index: number, change: (weight: number) => number) =>
    setWeights((current) => current.map((w, i) => (i === index ? clamp(change(w)) : w)));
  const setWeight = (index: number, value: number) => changeWeight(index, () => value);

  useVerdictKeys({
    setFirst: (percent) => setWeight(0, percent),
    nudgeFirst: (points) => changeWeight(0, (weight) => weight + points),
    focusRationale: () => rationaleBox.current?.focus(),
    commit: send,
    form,
    paused,
  });

  return (
    <form ref={form} onSubmit={submit} aria-labelledby="verdict-heading">
      <Stack gap="md">
        <Title order={2} id="verdict-heading">
          {t("verdict.title")}
        </Title>
        <Text size="sm" c="dimmed">
          {t("verdict.keys")}
        </Text>
        {(two ? [0] : options.map((_, i) => i)).map((index) => {
          const value = weights[index] ?? 50;
          return (
            <Stack key={index} gap={4} pb="lg">
              <Group justify="space-between" wrap="nowrap">
                <Text id={`p-${index}-label`} size="sm" fw={500}>
                  {two ? t("verdict.probabilityA") : t("verdict.weight", { letter: letter(index) })}
                </Text>
                <Text size="lg" fw={700}>
                  {formatPercent(value / 100)}
                </Text>
              </Group>
              <Slider
                min={MIN}
                max={MAX}
                step={1}
                value={value}
                onChange={(next) => setWeight(index, next)}
                marks={MARKS}
                label={(shown) => formatPercent(shown / 100)}
                thumbValueText={t("verdict.percent", { value })}
                thumbProps={{
                  "aria-labelledby": `p-${index}-label`,
                  "aria-describedby": fieldErrors.length ? "p-errors" : undefined,
                }}
              />
            </Stack>
          );
        })}
        <Text role="status" fw={500}>
          {probabilities.map((p, i) => t("verdict.share", { letter: letter(i), value: Math.round(p * 100) })).join(" · ")}
        </Text>
        <FieldErrors id="p-errors" messages={fieldErrors} />
        <Textarea
          id="rationale"
          ref={rationaleBox}
          label={t("verdict.rationale")}
          autosize
          minRows={4}
          maxRows={16}
          value={rationale.text}
          onChange={(event) => rationale.setText(event.currentTarget.value)}
        />
        {waiting && <Text c="dimmed">{t("verdict.waiting")}</Text>}
        <Group>
          <Button type="submit" disabled={blocked}>
            {t("verdict.submit")}
          </Button>
        </Group>
        {!(commit.error instanceof ApiError && fieldErrors.length) && <ErrorMessage error={commit.error} />}
      </Stack>
    </form>
  );
}
