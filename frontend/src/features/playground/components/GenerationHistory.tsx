import { Anchor, List, Stack, Text, Title } from "@mantine/core";
import type { TFunction } from "i18next";
import { Trans, useTranslation } from "react-i18next";
import { Link } from "react-router";
import { DateTime } from "../../../components/DateTime";
import { EmptyState } from "../../../components/EmptyState";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { Loading } from "../../../components/Loading";
import { useGenerations } from "../hooks/useGenerations";

function preview(prompt: string, t: TFunction<"playground">): string {
  const line = prompt.trim().split("\n")[0] ?? "";
  return line.length > 60 ? t("form.truncated", { text: line.slice(0, 60) }) : line || t("history.emptyPrompt");
}

export function GenerationHistory({ selected }: { selected: number | null }) {
  const generations = useGenerations();
  const { t } = useTranslation("playground");
  return (
    <Stack component="section" aria-labelledby="history-heading">
      <Title order={2} id="history-heading">
        {t("history.title")}
      </Title>
      {generations.isPending && <Loading />}
      <ErrorMessage error={generations.error} />
      {generations.data?.results.length === 0 && <EmptyState>{t("history.empty")}</EmptyState>}
      {generations.data && generations.data.results.length > 0 && (
        <List listStyleType="none" spacing="xs">
          {generations.data.results.map((generation) => (
            <List.Item key={generation.id} style={{ overflowWrap: "anywhere" }}>
              <Anchor
                component={Link}
                to={`?generation=${generation.id}`}
                aria-current={generation.id === selected ? "true" : undefined}
                fw={generation.id === selected ? 700 : undefined}
              >
                {t("history.link", { id: generation.id, preview: preview(generation.prompt, t) })}
              </Anchor>{" "}
              <Text span c="dimmed" size="sm">
                <Trans
                  t={t}
                  i18nKey="history.details"
                  values={{ line: generation.line, status: t(`status.${generation.status}`) }}
                  components={{ time: <DateTime value={generation.created_at} /> }}
                />
              </Text>
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}
