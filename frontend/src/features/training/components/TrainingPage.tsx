import { Anchor, Group, Stack, Table, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { DateTime } from "../../../components/DateTime";
import { EmptyState } from "../../../components/EmptyState";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { Loading } from "../../../components/Loading";
import { Pager, parsePage } from "../../../components/Pager";
import { formatCount } from "../../../lib/format";
import { capabilities, useMe } from "../../../lib/session";
import { useLines, useRuns } from "../hooks/useLoop";
import { StartRunForm } from "./StartRunForm";
import { RunStatusBadge } from "./StatusBadge";

/** Runs of the retraining loop; admins start new ones here. */
export function TrainingPage() {
  const [params, setParams] = useSearchParams();
  const page = parsePage(params.get("page"));
  const runs = useRuns(page);
  const lines = useLines();
  const navigate = useNavigate();
  const canTrain = capabilities(useMe().data).publish;
  const { t } = useTranslation("training");

  return (
    <Stack component="main">
      <Title order={1}>{t("page.title")}</Title>
      <Group component="nav" aria-label={t("page.nav")} gap="md">
        <Anchor component={Link} to="/snapshots">
          {t("page.snapshots")}
        </Anchor>
        {lines.data?.results.map((line) => (
          <Anchor component={Link} key={line.slug} to={`/training/lines/${line.slug}`}>
            {t("page.compareLine", { name: line.name })}
          </Anchor>
        ))}
      </Group>
      {canTrain && <StartRunForm onStarted={(run) => navigate(`/training/runs/${run.id}`)} />}
      <Stack component="section" aria-labelledby="runs-heading">
        <Title order={2} id="runs-heading">
          {t("page.runs")}
        </Title>
        {runs.isPending && <Loading />}
        <ErrorMessage error={runs.error} />
        {runs.data && runs.data.results.length === 0 && <EmptyState>{t("page.empty")}</EmptyState>}
        {runs.data && runs.data.results.length > 0 && (
          <Table.ScrollContainer minWidth={720}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("page.run")}</Table.Th>
                  <Table.Th scope="col">{t("page.line")}</Table.Th>
                  <Table.Th scope="col">{t("page.recipe")}</Table.Th>
                  <Table.Th scope="col">{t("page.status")}</Table.Th>
                  <Table.Th scope="col">{t("page.progress")}</Table.Th>
                  <Table.Th scope="col">{t("page.newVersion")}</Table.Th>
                  <Table.Th scope="col">{t("page.started")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {runs.data.results.map((run) => (
                  <Table.Tr key={run.id}>
                    <Table.Th scope="row">
                      <Anchor component={Link} to={`/training/runs/${run.id}`}>
                        {t("page.runLink", { id: run.id })}
                      </Anchor>
                    </Table.Th>
                    <Table.Td>{run.line}</Table.Td>
                    <Table.Td>{run.recipe}</Table.Td>
                    <Table.Td>
                      <RunStatusBadge status={run.status} />
                    </Table.Td>
                    <Table.Td>
                      {t("page.steps", {
                        step: formatCount(run.step),
                        total: run.total_steps ? formatCount(run.total_steps) : t("page.unknownTotal"),
                      })}
                    </Table.Td>
                    <Table.Td>
                      {run.version_number === null
                        ? "—"
                        : t("page.versionOf", { line: run.line, number: run.version_number })}
                    </Table.Td>
                    <Table.Td>
                      <DateTime value={run.started_at} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {runs.data && (
          <Pager
            label={t("page.pages")}
            page={page}
            hasPrevious={runs.data.previous != null}
            hasNext={runs.data.next != null}
            onPage={(next) => setParams({ page: String(next) })}
          />
        )}
      </Stack>
    </Stack>
  );
}
