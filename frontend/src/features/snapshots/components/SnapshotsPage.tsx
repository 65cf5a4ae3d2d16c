import { Alert, Anchor, Badge, Code, List, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { DateTime } from "../../../components/DateTime";
import { EmptyState } from "../../../components/EmptyState";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { Loading } from "../../../components/Loading";
import { Pager, parsePage } from "../../../components/Pager";
import { formatCount, formatDateTime, formatNumber, formatPercent } from "../../../lib/format";
import { capabilities, useMe } from "../../../lib/session";
import { snapshotFiles, type Snapshot } from "../api/snapshots";
import { useSnapshots } from "../hooks/useSnapshots";
import { BuildSnapshotForm } from "./BuildSnapshotForm";

/** The achieved share of each group, one line each. */
function Mix({ mix }: { mix: Record<string, number> }) {
  const { t } = useTranslation("snapshots");
  const parts = Object.entries(mix);
  if (parts.length === 0) return "—";
  return (
    <Stack gap={0}>
      {parts.map(([group, share]) => (
        <Text key={group} size="sm" style={{ overflowWrap: "anywhere" }}>
          {t("list.share", { group, share: formatPercent(share) })}
        </Text>
      ))}
    </Stack>
  );
}

/** The recipe's kinds and window, for the list ("…" for an open start). */
function recipeParts(recipe: Record<string, unknown>): { kinds: string; since: string; until: string } {
  const when = (value: unknown) => (typeof value === "string" ? formatDateTime(value) : "…");
  return {
    kinds: Array.isArray(recipe.kinds) ? recipe.kinds.join(", ") : "",
    since: when(recipe.since),
    until: when(recipe.until),
  };
}

// The "dot" variant keeps the label in the body text colour and the status colour in the dot.
const STATUS_COLOURS: Record<Snapshot["status"], string> = { building: "blue", ready: "green", failed: "red" };

/** Dataset snapshots: admins build one from a recipe; everyone here downloads ready ones. */
export function SnapshotsPage() {
  const [params, setParams] = useSearchParams();
  const page = parsePage(params.get("page"));
  const snapshots = useSnapshots(page);
  const canBuild = capabilities(useMe().data).train;
  const [requested, setRequested] = useState<Snapshot | null>(null);
  const { t } = useTranslation("snapshots");

  return (
    <Stack component="main">
      <Title order={1}>{t("title")}</Title>
      <Text>{t("intro")}</Text>
      {canBuild && <BuildSnapshotForm onRequested={setRequested} />}
      {requested && (
        <Alert color="blue" role="status">
          {requested.status === "building"
            ? t("building", { id: requested.id })
            : t("alreadyBuilt", { id: requested.id, status: t(`status.${requested.status}`) })}
        </Alert>
      )}
      <Stack component="section" aria-labelledby="snapshots-heading">
        <Title order={2} id="snapshots-heading">
          {t("list.title")}
        </Title>
        {snapshots.isPending && <Loading />}
        <ErrorMessage error={snapshots.error} />
        {snapshots.data && snapshots.data.results.length === 0 && <EmptyState>{t("list.empty")}</EmptyState>}
        {snapshots.data && snapshots.data.results.length > 0 && (
          <Table.ScrollContainer minWidth={1100}>
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("list.snapshot")}</Table.Th>
                  <Table.Th scope="col">{t("list.status")}</Table.Th>
                  <Table.Th scope="col">{t("list.line")}</Table.Th>
                  <Table.Th scope="col">{t("list.format")}</Table.Th>
                  <Table.Th scope="col">{t("list.recipe")}</Table.Th>
                  <Table.Th scope="col">{t("list.signals")}</Table.Th>
                  <Table.Th scope="col">{t("list.rows")}</Table.Th>
                  <Table.Th scope="col">{t("list.mix")}</Table.Th>
                  <Table.Th scope="col">{t("list.created")}</Table.Th>
                  <Table.Th scope="col">{t("list.downloads")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {snapshots.data.results.map((s) => (
                  <Table.Tr key={s.id} style={{ verticalAlign: "top" }}>
                    <Table.Th scope="row">
                      {t("list.id", { id: s.id })}
                      {s.content_hash && (
                        <>
                          {" "}
                          <Code title={s.content_hash}>{s.content_hash.slice(0, 12)}</Code>
                        </>
                      )}
                    </Table.Th>
                    <Table.Td>
                      <Stack gap={4} align="flex-start">
                        <Badge component="span" variant="dot" color={STATUS_COLOURS[s.status]} tt="none">
                          {t(`status.${s.status}`)}
                        </Badge>
                        {s.status === "failed" && (
                          <Text size="sm" c="red.9" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
                            {s.error}
                          </Text>
                        )}
                        {s.build_s != null && (
                          <Text size="sm" c="dimmed">
                            {t("list.seconds", { seconds: formatNumber(s.build_s) })}
                          </Text>
                        )}
                      </Stack>
                    </Table.Td>
                    <Table.Td>{s.line ?? "—"}</Table.Td>
                    <Table.Td>{s.format}</Table.Td>
                    <Table.Td>{t("list.window", recipeParts(s.recipe))}</Table.Td>
                    <Table.Td>{formatCount(s.signal_count)}</Table.Td>
                    <Table.Td>
                      {formatCount(s.counts.train ?? 0)} / {formatCount(s.counts.eval ?? 0)}
                    </Table.Td>
                    <Table.Td>
                      <Mix mix={s.mix} />
                    </Table.Td>
                    <Table.Td>
                      <DateTime value={s.created_at} />
                    </Table.Td>
                    <Table.Td>
                      {s.status === "ready" ? (
                        <List size="sm" listStyleType="none" spacing={2}>
                          <List.Item>
                            <Anchor href={snapshotFiles.split(s.id, "train")}>{t("list.trainFile")}</Anchor>
                          </List.Item>
                          <List.Item>
                            <Anchor href={snapshotFiles.split(s.id, "eval")}>{t("list.evalFile")}</Anchor>
                          </List.Item>
                          <List.Item>
                            <Anchor href={snapshotFiles.huggingFace(s.id)} download>
                              {t("list.huggingFace")}
                            </Anchor>
                          </List.Item>
                        </List>
                      ) : (
                        "—"
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {snapshots.data && (
          <Pager
            label={t("list.pages")}
            page={page}
            hasPrevious={snapshots.data.previous != null}
            hasNext={snapshots.data.next != null}
            onPage={(next) => setParams({ page: String(next) })}
          />
        )}
      </Stack>
    </Stack>
  );
}
