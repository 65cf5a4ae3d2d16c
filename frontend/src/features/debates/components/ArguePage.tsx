import { Anchor, Button, Group, List, Paper, Spoiler, Stack, Text, Textarea, Title } from "@mantine/core";
import type { TFunction } from "i18next";
import { useRef, useState, type FormEvent } from "react";
import { Trans, useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { EmptyState } from "../../../components/EmptyState";
import { ErrorMessage, FieldErrors } from "../../../components/ErrorMessage";
import { Loading } from "../../../components/Loading";
import { ShortcutHelp, type Shortcut } from "../../../components/ShortcutHelp";
import { ApiError } from "../../../lib/api/errors";
import { useDocumentKeyDown, useHelpKey } from "../../../lib/keyboard";
import { useDraft } from "../../../lib/useDraft";
import { useUnsavedGuard } from "../../../lib/useUnsavedGuard";
import type { Seat } from "../api/debates";
import { useSeat, useSeats, useSubmitTurn } from "../hooks/useArgue";
import { Transcript } from "./Transcript";

const letter = (index: number) => String.fromCharCode(65 + index);

function seatState(seat: Seat, t: TFunction<"debates">): string {
  if (seat.debate.status === "ready") return t("argue.states.ready");
  return seat.your_turn ? t("argue.states.yourTurn") : t("argue.states.waiting");
}

/** A person seated as a debater: the debates they argue in. */
export function ArgueListPage() {
  const seats = useSeats();
  const { t } = useTranslation("debates");
  return (
    <Stack component="main" gap="lg">
      <Title order={1}>{t("argue.listTitle")}</Title>
      {seats.isPending && <Loading />}
      <ErrorMessage error={seats.error} />
      {seats.data?.results.length === 0 && <EmptyState>{t("argue.none")}</EmptyState>}
      <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: "none" }}>
        {seats.data?.results.map((seat) => (
          <Paper component="li" key={seat.id} withBorder p="sm">
            <Anchor component={Link} to={`/debates/argue/${seat.id}`} style={{ overflowWrap: "anywhere" }}>
              {t("list.item", { id: seat.debate.id, question: seat.debate.question.text })}
            </Anchor>{" "}
            <Text span size="sm" c="dimmed">
              {t("argue.seatState", { state: seatState(seat, t) })}
            </Text>
          </Paper>
        ))}
      </Stack>
    </Stack>
  );
}

/** The server's quote check, done here too so the debater sees it before submitting. */
function normal(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}_]+/gu, " ").replace(/\s+/g, " ").trim();
}

function quotesIn(text: string): string[] {
  return [...text.matchAll(/<quote>([\s\S]*?)<\/quote>/gi)].map((m) => (m[1] ?? "").trim()).filter(Boolean);
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** The argue page's keys, for its help dialog; the keys are typed as shown, not translated. */
function argueShortcuts(t: TFunction<"debates">): Shortcut[] {
  return [
    { keys: "Ctrl+Enter", action: t("shortcuts.submitSpeech") },
    { keys: "?", action: t("shortcuts.help") },
  ];
}

function TurnForm({ seat }: { seat: Seat }) {
  // One draft per seat and round: the next round starts empty.
  const draft = useDraft(`debates:seat:${seat.id}:round:${seat.round ?? 0}:speech`);
  const { text, setText } = draft;
  const { t } = useTranslation("debates");
  useUnsavedGuard(draft.unsaved);
  const area = useRef<HTMLTextAreaElement>(null);
  const submit = useSubmitTurn(seat.id, seat.debate.id);
  const limit = seat.debate.word_limit;
  const words = wordCount(text);
  const over = words > limit;
  const passage = normal(seat.debate.question.passage);
  const quotes = quotesIn(text);
  const textErrors = submit.error instanceof ApiError ? submit.error.fieldErrors("text") : [];
  const blocked = submit.isPending || over || words === 0;

  const markQuote = () => {
    const el = area.current;
    if (!el || el.selectionStart === el.selectionEnd) return;
    const { selectionStart: start, selectionEnd: end } = el;
    setText(`${text.slice(0, start)}<quote>${text.slice(start, end)}</quote>${text.slice(end)}`);
  };
  const sendNow = () => {
    if (blocked) return;
    submit.mutateAsync(text).then(draft.clear, () => undefined);
  };
  const send = (event: FormEvent) => {
    event.preventDefault();
    sendNow();
  };
  // Ctrl+Enter (Cmd+Enter) submits from anywhere on the page, the argument box included: the
  // one form here is this one.
  useDocumentKeyDown((event) => {
    if (event.key !== "Enter" || !(event.ctrlKey || event.metaKey) || event.altKey) return;
    event.preventDefault();
    sendNow();
  });

  return (
    <Paper component="form" onSubmit={send} aria-labelledby="turn-heading" withBorder p="md">
      <Stack gap="sm">
        <Title order={2} id="turn-heading">
          {t("argue.speechTitle", { round: (seat.round ?? 0) + 1 })}
        </Title>
        <Text size="sm" c="dimmed">
          {t("argue.quoteHelp")}
        </Text>
        <Textarea
          id="turn-text"
          ref={area}
          label={t("argue.argument")}
          autosize
          minRows={6}
          maxRows={20}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          aria-describedby="turn-words turn-errors"
          aria-invalid={over || textErrors.length > 0}
        />
        <Text id="turn-words" aria-live="polite" size="sm" c={over ? "red.9" : "dimmed"}>
          {t(over ? "argue.over" : "argue.words", { words, limit })}
        </Text>
        <Group>
          <Button type="button" variant="default" onClick={markQuote}>
            {t("argue.markQuote")}
          </Button>
        </Group>
        {quotes.length > 0 && (
          <List aria-label={t("argue.quotes")} size="sm">
            {quotes.map((quote, index) => (
              <List.Item key={`${index}-${quote}`} style={{ overflowWrap: "anywhere" }}>
                {t("argue.quoteCheck", {
                  quote,
                  verdict: !passage
                    ? t("argue.quoteStates.noStory")
                    : normal(quote) && passage.includes(normal(quote))
                      ? t("argue.quoteStates.found")
                      : t("argue.quoteStates.notFound"),
                })}
              </List.Item>
            ))}
          </List>
        )}
        <FieldErrors id="turn-errors" messages={textErrors} />
        {textErrors.length === 0 && <ErrorMessage error={submit.error} />}
        <Text size="sm" c="dimmed">
          {t("argue.keys")}
        </Text>
        <Group>
          <Button type="submit" disabled={blocked}>
            {t("argue.submit")}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** One debate from a debater's seat: their answer, the story, the transcript live, their turn. */
export function ArguePage() {
  const id = Number(useParams().id);
  const { seat, live } = useSeat(id);
  const { t } = useTranslation("debates");
  const [help, setHelp] = useState(false);
  useHelpKey(() => setHelp((open) => !open));
  if (seat.isPending) return <Loading />;
  if (seat.isError) {
    return (
      <main>
        <ErrorMessage error={seat.error} />
      </main>
    );
  }
  const data = seat.data;
  const { debate } = data;
  // Speaking simultaneously, the other side's speech of this round stays hidden until ours is in.
  const shown = Object.fromEntries(
    Object.entries(live).filter(([key]) => {
      const [round, slot] = key.split(":");
      return debate.speaking_order !== "simultaneous" || slot === data.slot || Number(round) !== data.round;
    }),
  );
  return (
    <Stack component="main" gap="lg">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Title order={1} style={{ overflowWrap: "anywhere" }}>
          {t("argue.title", { question: debate.question.text })}
        </Title>
        <Button variant="default" size="xs" onClick={() => setHelp(true)} style={{ flexShrink: 0 }}>
          {t("shortcuts.button")}
        </Button>
      </Group>
      <ShortcutHelp opened={help} onClose={() => setHelp(false)} shortcuts={argueShortcuts(t)} />
      <Paper withBorder p="md">
        <Stack gap="sm">
          {/* The letter is written out, so the list draws no marker of its own. */}
          <List listStyleType="none" spacing="xs">
            {debate.question.options.map((option, index) => (
              <List.Item key={option} style={{ overflowWrap: "anywhere" }}>
                <Trans t={t} i18nKey="argue.option" values={{ letter: letter(index), option }} components={{ strong: <strong /> }} />
              </List.Item>
            ))}
          </List>
          <Text role="note" fw={500}>
            <Trans
              t={t}
              i18nKey="argue.role"
              values={{ slot: data.slot, letter: letter(data.answer_index), option: debate.question.options[data.answer_index] }}
              components={{ strong: <strong /> }}
            />
          </Text>
          <Text size="sm" c="dimmed">
            {t("argue.setup", {
              protocol: debate.protocol === "debate" ? t("protocols.debate") : t("protocols.consultancy"),
              rounds: debate.rounds,
              limit: debate.word_limit,
              order: t(`speakingOrderWords.${debate.speaking_order}`),
            })}
          </Text>
        </Stack>
      </Paper>
      {debate.question.passage && (
        <Paper component="section" aria-labelledby="story-heading" withBorder p="md">
          <Stack gap="sm">
            <Title order={2} id="story-heading">
              {debate.question.passage_title
                ? t("argue.storyTitled", { title: debate.question.passage_title })
                : t("argue.story")}
            </Title>
            <Spoiler maxHeight={320} showLabel={t("argue.storyMore")} hideLabel={t("argue.storyLess")}>
              <Text style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>{debate.question.passage}</Text>
            </Spoiler>
          </Stack>
        </Paper>
      )}
      <Transcript turns={data.turns} live={shown} />
      {debate.status === "ready" ? (
        <Text role="status">{t("argue.ready")}</Text>
      ) : data.your_turn ? (
        <TurnForm key={`${String(data.round)}`} seat={data} />
      ) : (
        <Text role="status">{t("argue.waiting")}</Text>
      )}
    </Stack>
  );
}
