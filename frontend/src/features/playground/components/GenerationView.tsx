import { Alert, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { Trans, useTranslation } from "react-i18next";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { Loading } from "../../../components/Loading";
import { UntrainedModelBadge } from "../../../components/UntrainedModelBadge";
import { isFinished } from "../api/generations";
import { useGeneration, useGenerationStream, usePlaygroundExamples } from "../hooks/useGenerations";
import { GenerationStatusBadge } from "./GenerationStatusBadge";

// Model text wraps inside the page, whatever its line lengths.
const longText = {
  whiteSpace: "pre-wrap",
  overflowWrap: "anywhere",
  fontFamily: "var(--mantine-font-family-monospace)",
} as const;

export function GenerationView({ id }: { id: number }) {
  const generation = useGeneration(id);
  const streamed = useGenerationStream(id);
  const examples = usePlaygroundExamples();
  const { t } = useTranslation("playground");

  if (generation.isPending) return <Loading />;
  if (generation.isError) return <ErrorMessage error={generation.error} />;

  const { data } = generation;
  const finished = isFinished(data.status);
  // Until the server has the final output, show whichever text is further along.
  const text = finished || data.output.length >= streamed.length ? data.output : streamed;
  const reference = examples.data?.find((example) => example.prompt === data.prompt)?.reference;

  return (
    <Stack component="section" aria-labelledby="generation-heading">
      <Title order={2} id="generation-heading">
        {t("view.title", { id: data.id })}
      </Title>
      <Text>
        <Trans
          t={t}
          i18nKey="view.summary"
          values={{ line: data.line, version: data.model_version, status: t(`status.${data.status}`) }}
          components={{ strong: <strong />, status: <GenerationStatusBadge status={data.status} /> }}
        />
      </Text>
      <Title order={3} id="prompt-heading">
        {t("view.prompt")}
      </Title>
      <Paper component="pre" withBorder p="sm" m={0} aria-labelledby="prompt-heading" style={longText}>
        {data.prompt}
      </Paper>
      <Group component="h3" gap="xs" id="output-heading" m={0} fz="h3" fw="bold">
        {t("view.output")} {data.untrained_model && <UntrainedModelBadge />}
      </Group>
      {data.untrained_model && <Text c="dimmed">{t("view.untrained")}</Text>}
      <Paper
        component="pre"
        withBorder
        p="sm"
        m={0}
        aria-labelledby="output-heading"
        aria-busy={!finished}
        style={longText}
      >
        {text}
      </Paper>
      {reference && (
        <>
          <Title order={3} id="reference-heading">
            {t("view.reference")}
          </Title>
          <Paper component="pre" withBorder p="sm" m={0} aria-labelledby="reference-heading" style={longText}>
            {reference}
          </Paper>
        </>
      )}
      {data.status === "failed" && (
        <Alert color="red" role="alert" style={longText}>
          {data.error ? t("view.failedWithError", { error: data.error }) : t("view.failed")}
        </Alert>
      )}
    </Stack>
  );
}
