import { Button, Group, List, Paper, Stack, Text, Title } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "../../../components/EmptyState";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { Loading } from "../../../components/Loading";
import { ShortcutHelp } from "../../../components/ShortcutHelp";
import { useHelpKey } from "../../../lib/keyboard";
import { debateKeys, type JudgeAssignment } from "../api/debates";
import { useAssignment, useDebateStream, useRequestRound, useNextAssignment } from "../hooks/useDebates";
import { verdictShortcuts } from "../hooks/useVerdictKeys";
import { Outcome } from "./Outcome";
import { roundsWritten } from "./rounds";
import { SkipForm } from "./SkipForm";
import { Transcript } from "./Transcript";
import { VerdictForm } from "./VerdictForm";

/** A rater's judging page: one debate at a time, taken by the server's assignment rule. */
export function JudgePage() {
  const next = useNextAssignment();
  const queryClient = useQueryClient();
  const { t } = useTranslation("debates");
  const takeNext = () => void queryClient.invalidateQueries({ queryKey: debateKeys.next() });

  if (next.isPending) return <Loading />;
  if (next.isError) {
    return (
      <main>
        <ErrorMessage error={next.error} />
      </main>
    );
  }
  if (next.data === null) {
    return (
      <Stack component="main">
        <Title order={1}>{t("judge.title")}</Title>
        <EmptyState>{t("judge.nothing")}</EmptyState>
      </Stack>
    );
  }
  return <JudgeView key={next.data.id} initial={next.data} onNext={takeNext} />;
}

function JudgeView({ initial, onNext }: { initial: JudgeAssignment; onNext: () => void }) {
  const assignment = useAssignment(initial);
  const data = assignment.data;
  const live = useDebateStream(data.id, data.debate.id);
  const more = useRequestRound(data.id);
  const { t } = useTranslation("debates");
  const [help, setHelp] = useState(false);
  useHelpKey(() => setHelp((open) => !open));
  const { debate } = data;
  const letter = (index: number) => String.fromCharCode(65 + index);
  // The rounds the judge can read, not the rounds planned: imported rooms and running debates
  // can have fewer.
  const written = roundsWritten(data.turns);
  const canAskMore =
    data.status === "open" &&
    debate.interactive &&
    debate.protocol !== "baseline" &&
    debate.status === "ready" &&
    debate.rounds < debate.max_rounds;

  return (
    <Stack component="main" gap="lg">
      <Group justify="space-between" align="center">
        <Title order={1}>{t("judge.title")}</Title>
        <Button variant="default" size="xs" onClick={() => setHelp(true)}>
          {t("shortcuts.button")}
        </Button>
      </Group>
      <ShortcutHelp opened={help} onClose={() => setHelp(false)} shortcuts={verdictShortcuts(t)} />
      <Paper component="section" aria-labelledby="question-heading" withBorder p="md">
        <Stack gap="sm">
          <Title order={2} id="question-heading" style={{ overflowWrap: "anywhere" }}>
            {debate.question.text}
          </Title>
          {debate.question.passage_title && (
            <Text c="dimmed">{t("judge.passage", { title: debate.question.passage_title })}</Text>
          )}
          {/* The letter is written out, so the list draws no marker of its own. */}
          <List listStyleType="none" spacing="xs">
            {debate.question.options.map((option, index) => {
              const advocates = debate.debaters.filter((d) => d.answer_index === index).map((d) => d.slot);
              return (
                <List.Item key={option} style={{ overflowWrap: "anywhere" }}>
                  <strong>{letter(index)}.</strong> {option}
                  {advocates.length > 0 && (
                    <Text span c="dimmed">
                      {t("judge.arguedBy", { slots: advocates.join(", ") })}
                    </Text>
                  )}
                </List.Item>
              );
            })}
          </List>
          <Text size="sm" c="dimmed">
            {debate.protocol === "baseline"
              ? t("judge.alone")
              : t(debate.status === "running" ? "judge.soFar" : "judge.done", {
                  rounds: t("judge.rounds", { protocol: t(`protocols.${debate.protocol}`), count: written }),
                })}
          </Text>
        </Stack>
      </Paper>
      <Transcript turns={data.turns} live={live} />
      {canAskMore && (
        <Group>
          <Button variant="light" onClick={() => more.mutate(undefined)} disabled={more.isPending}>
            {t("judge.askMore")}
          </Button>
        </Group>
      )}
      <ErrorMessage error={more.error} />
      {data.status === "open" && (
        <>
          <Paper withBorder p="md">
            <VerdictForm assignment={data} paused={help} />
          </Paper>
          <SkipForm assignmentId={data.id} />
        </>
      )}
      {data.status === "committed" && data.outcome && (
        <Outcome outcome={data.outcome} options={debate.question.options} />
      )}
      {data.status !== "open" && (
        <Group>
          <Button onClick={onNext}>{t("judge.next")}</Button>
        </Group>
      )}
    </Stack>
  );
}
