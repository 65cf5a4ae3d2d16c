import { formatFixed } from "../../../lib/format";
import { List, Paper, Stack, Text, Title } from "@mantine/core";
import { Trans, useTranslation } from "react-i18next";
import type { JudgeAssignment } from "../api/debates";

type OutcomeData = NonNullable<JudgeAssignment["outcome"]>;
const letter = (index: number) => String.fromCharCode(65 + index);

/** Shown only after commit: the truth, who argued honestly, and the judge's proper score. */
export function Outcome({ outcome, options }: { outcome: OutcomeData; options: string[] }) {
  const { t } = useTranslation("debates");
  return (
    <Stack component="section" aria-labelledby="outcome-heading" gap="sm">
      <Title order={2} id="outcome-heading">
        {t("outcome.title")}
      </Title>
      <Paper withBorder p="sm" bg={outcome.correct ? "teal.0" : "orange.0"}>
        <Text role="status">
          <Trans
            t={t}
            i18nKey="outcome.correctAnswer"
            values={{
              verdict: outcome.correct ? t("outcome.right") : t("outcome.wrong"),
              letter: letter(outcome.correct_index),
              option: options[outcome.correct_index],
            }}
            components={{ strong: <strong /> }}
          />
        </Text>
      </Paper>
      <Text>
        <Trans t={t} i18nKey="outcome.score" values={{ score: formatFixed(outcome.score, 2) }} components={{ strong: <strong /> }} />
      </Text>
      <List>
        {outcome.debaters.map((debater) => (
          <List.Item key={debater.slot}>
            {t("outcome.debater", {
              slot: debater.slot,
              letter: letter(debater.answer_index),
              role: t(`outcome.roles.${debater.role}`),
            })}
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}
