import { Anchor, Paper, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { QuotaPanel } from "../../../components/diversity/QuotaPanel";
import { EmptyState } from "../../../components/EmptyState";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { Loading } from "../../../components/Loading";
import { useQuestionSets } from "../hooks/useResearch";

/** Researchers: the question sets judges are handed debates from, each with its quotas per
 * rater group. */
export function QuestionSetsPage() {
  const sets = useQuestionSets();
  const { t } = useTranslation("debates");
  const selected = Number(useParams().id) || null;
  const set = sets.data?.find((s) => s.id === selected);
  return (
    <Stack component="main" gap="lg">
      <Title order={1}>{t("sets.title")}</Title>
      {sets.isPending && <Loading />}
      <ErrorMessage error={sets.error} />
      {sets.data?.length === 0 && <EmptyState>{t("sets.none")}</EmptyState>}
      <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: "none" }}>
        {sets.data?.map((s) => (
          <Paper component="li" key={s.id} withBorder p="sm">
            <Anchor component={Link} to={`/debates/sets/${s.id}`} aria-current={s.id === selected ? "page" : undefined}>
              {s.name}
            </Anchor>{" "}
            <Text span size="sm" c="dimmed">
              {s.source}
            </Text>
          </Paper>
        ))}
      </Stack>
      {selected !== null && (
        <Stack gap="sm">
          {set && <Title order={2}>{set.name}</Title>}
          <QuotaPanel activity="debates" objectId={selected} />
        </Stack>
      )}
    </Stack>
  );
}
