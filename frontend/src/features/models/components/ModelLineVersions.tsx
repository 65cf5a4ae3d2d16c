import { Alert, Badge, Button, Code, Group, List, Paper, Stack, Table, Text, Textarea, Title } from "@mantine/core";
import type { TFunction } from "i18next";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams, useSearchParams } from "react-router";
import { DateTime } from "../../../components/DateTime";
import { EmptyState } from "../../../components/EmptyState";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { Loading } from "../../../components/Loading";
import { Pager, parsePage } from "../../../components/Pager";
import { ApiError } from "../../../lib/api/errors";
import { formatNumber } from "../../../lib/format";
import { capabilities, useMe } from "../../../lib/session";
import type { ModelVersion } from "../api/registry";
import { useModelVersions, usePublishVersion, useRollbackVersion } from "../hooks/useRegistry";

const PUBLISHABLE: ReadonlySet<ModelVersion["status"]> = new Set(["draft", "evaluating"]);

// The "dot" variant keeps the label in the body text colour and the status colour in the dot.
const STATUS_COLOURS: Record<ModelVersion["status"], string> = {
  draft: "gray",
  evaluating: "blue",
  published: "green",
  retired: "orange",
};

/** Metrics are free-form JSON in the schema; the registry stores an object of named figures,
 * some of them objects of figures themselves (llmbar: {overall, Natural, ...}). Nested names
 * are joined with dots, so every figure gets a row of its own. */
function metricRows(metrics: unknown, prefix = ""): [string, string][] {
  if (metrics === null || typeof metrics !== "object" || Array.isArray(metrics)) return [];
  return Object.entries(metrics).flatMap(([name, value]): [string, string][] => {
    const key = prefix ? `${prefix}.${name}` : name;
    if (typeof value === "number") return [[key, formatNumber(value)]];
    if (value !== null && typeof value === "object" && !Array.isArray(value)) return metricRows(value, key);
    return [[key, typeof value === "string" ? value : JSON.stringify(value)]];
  });
}

function Metrics({ metrics }: { metrics: ModelVersion["metrics"] }) {
  const { t } = useTranslation("models");
  const rows = metricRows(metrics);
  if (rows.length === 0) return "—";
  return (
    <Table variant="vertical" fz="xs" verticalSpacing={2} horizontalSpacing="xs" aria-label={t("versions.metrics")}>
      <Table.Tbody>
        {rows.map(([name, value]) => (
          <Table.Tr key={name}>
            <Table.Th scope="row" fw={400} style={{ overflowWrap: "anywhere" }}>
              {name}
            </Table.Th>
            <Table.Td style={{ overflowWrap: "anywhere" }}>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Where a version came from, by number when its parent is on this page of the list. */
function parentText(version: ModelVersion, versions: ModelVersion[], t: TFunction<"models">): string {
  if (version.parent === null) return "";
  const parent = versions.find((v) => v.id === version.parent);
  if (!parent) return t("versions.parentEarlier");
  return parent.line === version.line
    ? t("versions.parent", { number: parent.number })
    : t("versions.parentOtherLine", { line: parent.line, number: parent.number });
}

export function ModelLineVersions() {
  const { slug = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const page = parsePage(params.get("versions"));
  const versions = useModelVersions(slug, page);
  const publish = usePublishVersion();
  const rollback = useRollbackVersion();
  const canPublish = capabilities(useMe().data).publish;
  const [overrideReason, setOverrideReason] = useState("");
  const { t } = useTranslation("models");
  // A gate refusal names the failed gates; the admin may then publish over them with a reason.
  const failedGates = publish.error instanceof ApiError ? publish.error.fieldErrors("gates") : [];
  const refused =
    failedGates.length > 0
      ? versions.data?.results.find((version) => version.id === publish.variables?.id)
      : undefined;
  const versionErrors = publish.error instanceof ApiError ? publish.error.fieldErrors("version") : [];
  const overrideErrors = publish.error instanceof ApiError ? publish.error.fieldErrors("override_reason") : [];

  return (
    <Stack component="section" aria-labelledby="versions-heading">
      <Title order={2} id="versions-heading">
        {t("versions.heading", { slug })}
      </Title>
      {versions.isPending && <Loading />}
      <ErrorMessage error={versions.error} />
      {!refused && <ErrorMessage error={publish.error} />}
      {versionErrors.length > 0 && (
        <Alert color="red">
          {versionErrors.map((message) => (
            <Text key={message} size="sm">
              {message}
            </Text>
          ))}
        </Alert>
      )}
      <ErrorMessage error={rollback.error} />
      {versions.data && versions.data.results.length === 0 && <EmptyState>{t("versions.empty")}</EmptyState>}
      {versions.data && versions.data.results.length > 0 && (
        <Table.ScrollContainer minWidth={960}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("versions.version")}</Table.Th>
                <Table.Th scope="col">{t("versions.status")}</Table.Th>
                <Table.Th scope="col">{t("versions.base")}</Table.Th>
                <Table.Th scope="col">{t("versions.metrics")}</Table.Th>
                <Table.Th scope="col">{t("versions.dataset")}</Table.Th>
                <Table.Th scope="col">{t("versions.code")}</Table.Th>
                <Table.Th scope="col">{t("versions.created")}</Table.Th>
                <Table.Th scope="col">{t("versions.published")}</Table.Th>
                {canPublish && <Table.Th scope="col">{t("versions.actions")}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {versions.data.results.map((version) => {
                const from = parentText(version, versions.data.results, t);
                return (
                  <Table.Tr key={version.id} style={{ verticalAlign: "top" }}>
                    <Table.Th scope="row">
                      {t("versions.number", { line: version.line, number: version.number })}
                      {from && (
                        <Text span c="dimmed" size="sm">
                          {" "}
                          {from}
                        </Text>
                      )}
                    </Table.Th>
                    <Table.Td>
                      <Badge component="span" variant="dot" color={STATUS_COLOURS[version.status]} tt="none">
                        {t(`status.${version.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td style={{ overflowWrap: "anywhere" }}>{version.base}</Table.Td>
                    <Table.Td miw={200}>
                      <Metrics metrics={version.metrics} />
                    </Table.Td>
                    <Table.Td>
                      <Code title={version.dataset_hash}>{version.dataset_hash.slice(0, 12)}</Code>
                    </Table.Td>
                    <Table.Td>
                      <Code style={{ overflowWrap: "anywhere" }}>{version.code_version}</Code>
                    </Table.Td>
                    <Table.Td>
                      <DateTime value={version.created_at} />
                    </Table.Td>
                    <Table.Td>
                      <DateTime value={version.published_at} />
                    </Table.Td>
                    {canPublish && (
                      <Table.Td>
                        {PUBLISHABLE.has(version.status) && (
                          <Button
                            size="xs"
                            aria-label={t("versions.publishLabel", { number: version.number })}
                            disabled={publish.isPending}
                            onClick={() => publish.mutate({ id: version.id, overrideReason: "" })}
                          >
                            {t("versions.publish")}
                          </Button>
                        )}
                        {version.status === "retired" && version.published_at !== null && (
                          <Button
                            size="xs"
                            variant="default"
                            aria-label={t("versions.rollBackLabel", { number: version.number })}
                            disabled={rollback.isPending}
                            onClick={() => rollback.mutate(version.id)}
                          >
                            {t("versions.rollBack")}
                          </Button>
                        )}
                      </Table.Td>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {refused && (
        <Paper component="section" withBorder p="md" aria-labelledby="refusal-heading">
          <Stack>
            <Title order={3} id="refusal-heading">
              {t("refusal.heading", { number: refused.number })}
            </Title>
            <List aria-label={t("refusal.failed")}>
              {failedGates.map((failure) => (
                <List.Item key={failure}>{failure}</List.Item>
              ))}
            </List>
            <Textarea
              label={t("refusal.reason")}
              rows={3}
              value={overrideReason}
              onChange={(event) => setOverrideReason(event.currentTarget.value)}
              error={
                overrideErrors.length > 0
                  ? overrideErrors.map((message) => (
                      <span key={message} style={{ display: "block" }}>
                        {message}
                      </span>
                    ))
                  : undefined
              }
            />
            <Group>
              <Button
                disabled={publish.isPending || overrideReason.trim() === ""}
                onClick={() => publish.mutate({ id: refused.id, overrideReason })}
              >
                {t("refusal.override", { number: refused.number })}
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
      {versions.data && (
        <Pager
          label={t("versions.pages")}
          page={page}
          hasPrevious={versions.data.previous != null}
          hasNext={versions.data.next != null}
          onPage={(next) =>
            setParams((current) => {
              const updated = new URLSearchParams(current);
              updated.set("versions", String(next));
              return updated;
            })
          }
        />
      )}
    </Stack>
  );
}
