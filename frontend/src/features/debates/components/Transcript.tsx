import { Group, Paper, Stack, Text, Timeline, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { EmptyState } from "../../../components/EmptyState";
import { UntrainedModelBadge } from "../../../components/UntrainedModelBadge";
import { formatPercent } from "../../../lib/format";
import type { Turn } from "../api/debates";
import { groupByRound } from "./rounds";

/** The tag spellings the server accepts (annotation/debates/quotes.py): "< quote >", "</QUOTE>". */
const QUOTE_TAG = /<\s*quote\s*>([\s\S]*?)<\s*\/\s*quote\s*>/i;

/** Model text keeps its line breaks and breaks long words, so a speech never widens the page. */
const WRAPPED = { whiteSpace: "pre-wrap", overflowWrap: "anywhere" } as const;

/** Colours with at least 4.5:1 contrast on white; the bracketed words carry the meaning too. */
const QUOTE_COLOURS = { verified: "teal.9", unverified: "red.9", unverifiable: "dimmed" } as const;

function quoteState(verified: boolean | null | undefined) {
  if (verified === true) return "verified" as const;
  if (verified === false) return "unverified" as const;
  // null: the story was not kept with this (imported) debate, so no quote can be checked.
  return "unverifiable" as const;
}

/** Splits a speech into text and quotes; quotes show whether they were found in the story. */
function Speech({ turn }: { turn: Turn }) {
  const { t } = useTranslation("debates");
  const parts = turn.text.split(QUOTE_TAG);
  const verdicts = new Map(turn.quotes.map((q) => [q.text.trim(), q.verified]));
  return (
    <Text style={WRAPPED}>
      {parts.map((part, index) => {
        if (index % 2 === 0) return <span key={index}>{part}</span>;
        const state = quoteState(verdicts.get(part.trim()));
        const label = t(`transcript.quote.${state}`);
        return (
          <Text key={index} component="q" inherit c={QUOTE_COLOURS[state]} fs="italic" title={label}>
            {part}{" "}
            <Text span size="xs" fw={700} fs="normal">
              {t("transcript.mark", { label })}
            </Text>
          </Text>
        );
      })}
    </Text>
  );
}

/** One speech: who gave it, what they said and, for a judge's turn, what they believed then. */
function SpeechCard({ turn }: { turn: Turn }) {
  const { t } = useTranslation("debates");
  return (
    <Paper component="li" withBorder p="sm">
      <Stack gap={6}>
        <Group gap="xs">
          <Title order={4} size="h5">
            {turn.kind === "judge"
              ? t("transcript.judge", { name: turn.speaker_name })
              : t("transcript.debater", { slot: turn.slot ?? "" })}
          </Title>
          {turn.untrained_model && <UntrainedModelBadge />}
        </Group>
        <Speech turn={turn} />
        {turn.probabilities && (
          <Text size="sm" c="dimmed">
            {t("transcript.beliefs", {
              probabilities: turn.probabilities.map((p) => formatPercent(p)).join(" / "),
            })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/**
 * The debate so far as a timeline: one heading per round, its speeches under it in speaking
 * order, and the speeches being written now (streamed) at the end of their round. The round's
 * heading is its only number: the timeline draws bullets, not list numbers.
 */
export function Transcript({ turns, live }: { turns: Turn[]; live: Record<string, string> }) {
  const { t } = useTranslation("debates");
  const rounds = groupByRound(turns, live);
  return (
    <Stack component="section" aria-labelledby="transcript-heading" gap="sm">
      <Title order={2} id="transcript-heading">
        {t("transcript.title")}
      </Title>
      {/* The live region exists before the first speech arrives, so that speech is announced. */}
      <div aria-live="polite">
        {rounds.length === 0 ? (
          <EmptyState>{t("transcript.empty")}</EmptyState>
        ) : (
          // Roles: the timeline is drawn with divs; a screen reader still hears a list of rounds.
          <Timeline role="list" active={rounds.length - 1} bulletSize={16} lineWidth={2}>
            {rounds.map(({ round, turns: spoken, live: writing }) => (
              <Timeline.Item
                key={round}
                role="listitem"
                title={
                  <Title order={3} size="h4">
                    {t("transcript.round", { round: round + 1 })}
                  </Title>
                }
              >
                <Stack component="ul" gap="sm" p={0} mt="xs" mb={0} style={{ listStyle: "none" }}>
                  {spoken.map((turn) => (
                    <SpeechCard key={turn.id} turn={turn} />
                  ))}
                  {writing.map(([slot, text]) => (
                    <Paper component="li" key={`live-${slot}`} aria-busy="true" withBorder p="sm" bg="gray.0">
                      <Stack gap={6}>
                        <Title order={4} size="h5">
                          {t("transcript.writing", { slot })}
                        </Title>
                        <Text style={WRAPPED}>{text}</Text>
                      </Stack>
                    </Paper>
                  ))}
                </Stack>
              </Timeline.Item>
            ))}
          </Timeline>
        )}
      </div>
    </Stack>
  );
}
