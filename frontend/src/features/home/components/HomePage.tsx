import { Anchor, Card, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { EmptyState } from "../../../components/EmptyState";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { Loading } from "../../../components/Loading";
import { formatCount } from "../../../lib/format";
import type { WorkItem } from "../api/work";
import { useWork } from "../hooks/useWork";

function WorkCard({ item }: { item: WorkItem }) {
  const { t } = useTranslation("home");
  return (
    <Card component="li" withBorder>
      <Title order={2} size="h4">
        {/* In-app navigation: a page with unsaved text can ask before it is left. */}
        <Anchor component={Link} to={item.url} inherit>
          {item.title}
        </Anchor>
      </Title>
      <Text mt="xs">{item.description}</Text>
      <Text mt="xs" c="dimmed" size="sm">
        {t("card.waiting", { count: item.count, n: formatCount(item.count) })}
      </Text>
    </Card>
  );
}

export function HomePage() {
  const work = useWork();
  const { t } = useTranslation("home");
  return (
    <Stack component="main">
      <Title order={1}>{t("page.title")}</Title>
      {work.isPending && <Loading />}
      <ErrorMessage error={work.error} />
      {work.data &&
        (work.data.length === 0 ? (
          <EmptyState>{t("page.empty")}</EmptyState>
        ) : (
          // A list with its markers and indent removed: the cards are the items.
          <SimpleGrid component="ul" cols={{ base: 1, sm: 2, md: 3 }} m={0} p={0} aria-label={t("page.list")}>
            {work.data.map((item) => (
              <WorkCard key={`${item.kind}:${item.url}`} item={item} />
            ))}
          </SimpleGrid>
        ))}
    </Stack>
  );
}
