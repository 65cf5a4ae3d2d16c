import { Anchor, Card, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, Outlet, useParams, useSearchParams } from "react-router";
import { EmptyState } from "../../../components/EmptyState";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { Loading } from "../../../components/Loading";
import { Pager, parsePage } from "../../../components/Pager";
import { useModelLines } from "../hooks/useRegistry";
import { ServingPanel } from "./ServingPanel";

export function ModelsPage() {
  const [params, setParams] = useSearchParams();
  const page = parsePage(params.get("lines"));
  const lines = useModelLines(page);
  const { slug } = useParams();
  const { t } = useTranslation("models");

  return (
    <Stack component="main">
      <Title order={1}>{t("lines.title")}</Title>
      {lines.isPending && <Loading />}
      <ErrorMessage error={lines.error} />
      {lines.data && lines.data.results.length === 0 && <EmptyState>{t("lines.empty")}</EmptyState>}
      {lines.data && lines.data.results.length > 0 && (
        <SimpleGrid
          component="ul"
          cols={{ base: 1, sm: 2, lg: 3 }}
          aria-label={t("lines.label")}
          style={{ listStyle: "none", padding: 0, margin: 0 }}
        >
          {lines.data.results.map((line) => (
            <Card component="li" key={line.slug} withBorder>
              <Stack gap="xs">
                <Title order={2} size="h4">
                  <Anchor
                    component={Link}
                    to={`/models/${encodeURIComponent(line.slug)}`}
                    aria-current={line.slug === slug ? "page" : undefined}
                    fw={line.slug === slug ? 700 : undefined}
                  >
                    {line.name}
                  </Anchor>
                </Title>
                <Text style={{ overflowWrap: "anywhere" }}>{line.description}</Text>
                <Text c="dimmed" size="sm">
                  {line.published_version
                    ? t("lines.published", { number: line.published_version.number })
                    : t("lines.unpublished")}
                </Text>
              </Stack>
            </Card>
          ))}
        </SimpleGrid>
      )}
      {lines.data && (
        <Pager
          label={t("lines.pages")}
          page={page}
          hasPrevious={lines.data.previous != null}
          hasNext={lines.data.next != null}
          onPage={(next) => setParams({ lines: String(next) })}
        />
      )}
      <ServingPanel />
      <Outlet />
    </Stack>
  );
}
