import { Anchor, Button, Group, List, NativeSelect, NumberInput, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { EmptyState } from "../../../components/EmptyState";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { Loading } from "../../../components/Loading";
import { formatFixed, formatPercent } from "../../../lib/format";
import type { DebateRequest } from "../api/debates";
import { useCreateDebate, useDebateList, useQuestions, useWatchedDebate } from "../hooks/useResearch";
import { GoldNote, GoldToggle } from "./GoldToggle";
import { QuestionUploadForm } from "./QuestionUploadForm";
import { Transcript } from "./Transcript";

function StartDebateForm() {
  const questions = useQuestions();
  const create = useCreateDebate();
  const { t } = useTranslation("debates");
  const [question, setQuestion] = useState("");
  const [protocol, setProtocol] = useState<DebateRequest["protocol"]>("debate");
  const [rounds, setRounds] = useState(2);
  const [order, setOrder] = useState<NonNullable<DebateRequest["speaking_order"]>>("sequential");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const seats = protocol === "debate" ? 2 : protocol === "consultancy" ? 1 : 0;
    create.mutate({
      question: Number(question),
      protocol,
      rounds,
      speaking_order: order,
      interactive: false,
      word_limit: 150,
      judges_wanted: 3,
      debaters: Array.from({ length: seats }, () => ({ line: "debater", strategy: "standard" as const })),
    });
  };
  return (
    <Paper component="form" onSubmit={submit} aria-labelledby="start-heading" withBorder p="md">
      <Stack gap="sm">
        <Title order={2} id="start-heading">
          {t("start.title")}
        </Title>
        <NativeSelect id="question" label={t("start.question")} value={question} onChange={(event) => setQuestion(event.currentTarget.value)} required withAsterisk={false}>
          <option value="">{t("start.chooseQuestion")}</option>
          {questions.data?.results.map((q) => (
            <option key={q.id} value={q.id}>
              {q.text.slice(0, 90)}
            </option>
          ))}
        </NativeSelect>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NativeSelect
            id="protocol"
            label={t("start.protocol")}
            value={protocol}
            onChange={(event) => setProtocol(event.currentTarget.value as DebateRequest["protocol"])}
          >
            <option value="debate">{t("protocols.debate")}</option>
            <option value="consultancy">{t("protocols.consultancy")}</option>
            <option value="baseline">{t("protocols.baseline")}</option>
          </NativeSelect>
          <NumberInput
            id="rounds"
            label={t("start.rounds")}
            min={1}
            max={10}
            allowDecimal={false}
            value={rounds}
            onChange={(value) => setRounds(Number(value))}
          />
          <NativeSelect id="order" label={t("start.order")} value={order} onChange={(event) => setOrder(event.currentTarget.value as typeof order)}>
            <option value="sequential">{t("speakingOrders.sequential")}</option>
            <option value="simultaneous">{t("speakingOrders.simultaneous")}</option>
          </NativeSelect>
        </SimpleGrid>
        <Group>
          <Button type="submit" disabled={create.isPending}>
            {t("start.submit")}
          </Button>
        </Group>
        <ErrorMessage error={create.error} />
        {create.data && <Text role="status">{t("start.started", { id: create.data.id })}</Text>}
      </Stack>
    </Paper>
  );
}

/** Researchers: start debates with the published debater version, and list them all. */
export function DebatesPage() {
  const list = useDebateList();
  const { t } = useTranslation("debates");
  return (
    <Stack component="main" gap="lg">
      <Title order={1}>{t("list.title")}</Title>
      <Text>
        <Anchor component={Link} to="/debates/sets">
          {t("list.setsLink")}
        </Anchor>
      </Text>
      <QuestionUploadForm />
      <StartDebateForm />
      <Stack component="section" aria-labelledby="all-heading" gap="sm">
        <Title order={2} id="all-heading">
          {t("list.all")}
        </Title>
        <GoldNote />
        {list.isPending && <Loading />}
        <ErrorMessage error={list.error} />
        {list.data?.results.length === 0 && <EmptyState>{t("list.none")}</EmptyState>}
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: "none" }}>
          {list.data?.results.map((debate) => (
            <Paper component="li" key={debate.id} withBorder p="sm">
              <Group justify="space-between" gap="xs">
                <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
                  <Anchor component={Link} to={`/debates/${debate.id}`} style={{ overflowWrap: "anywhere" }}>
                    {t("list.item", { id: debate.id, question: debate.question })}
                  </Anchor>
                  <Text size="sm" c="dimmed">
                    {t("list.meta", {
                      condition: debate.condition || t(`protocolWords.${debate.protocol}`),
                      origin: t(`origins.${debate.origin}`),
                      status: t(`statuses.${debate.status}`),
                    })}
                  </Text>
                </Stack>
                <GoldToggle debate={debate.id} gold={debate.gold} />
              </Group>
            </Paper>
          ))}
        </Stack>
      </Stack>
    </Stack>
  );
}

/** Watching one debate live, with everything a researcher may see (truth and verdicts). */
export function DebateWatchPage() {
  const id = Number(useParams().id);
  const { debate, live } = useWatchedDebate(id);
  const { t } = useTranslation("debates");
  if (debate.isPending) return <Loading />;
  if (debate.isError) {
    return (
      <main>
        <ErrorMessage error={debate.error} />
      </main>
    );
  }
  const data = debate.data;
  return (
    <Stack component="main" gap="lg">
      <Title order={1} style={{ overflowWrap: "anywhere" }}>
        {t("watch.title", { id: data.id, question: data.question.text })}
      </Title>
      <Paper withBorder p="md">
        <Stack gap="sm">
          <List listStyleType="none" spacing="xs">
            {data.question.options.map((option, index) => (
              <List.Item key={option} style={{ overflowWrap: "anywhere" }}>
                <strong>{String.fromCharCode(65 + index)}.</strong> {option}
                {index === data.question.correct_index && <strong>{t("watch.correct")}</strong>}
              </List.Item>
            ))}
          </List>
          <Text size="sm" c="dimmed">
            {data.debaters
              .map((d) => t("watch.debater", { slot: d.slot, debater: d.debater, letter: String.fromCharCode(65 + d.answer_index) }))
              .join("; ")}
          </Text>
        </Stack>
      </Paper>
      <Transcript turns={data.turns} live={live} />
      <Stack component="section" aria-labelledby="judgements-heading" gap="sm">
        <Title order={2} id="judgements-heading">
          {t("watch.judgements")}
        </Title>
        {data.judgements.length === 0 ? (
          <EmptyState>{t("watch.noJudgements")}</EmptyState>
        ) : (
          <List spacing="xs">
            {data.judgements.map((j) => (
              <List.Item key={j.id}>
                {t("watch.judgement", {
                  judge: j.judge,
                  kind: j.kind,
                  probabilities: j.probabilities.map((p) => formatPercent(p)).join(" / "),
                  verdict: j.correct ? t("watch.right") : t("watch.wrong"),
                  score: formatFixed(j.score, 2),
                })}
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Stack>
  );
}
