import { Code, List, Stack, Table, Text, Title } from "@mantine/core";
import type { TFunction } from "i18next";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DateTime } from "../../../components/DateTime";
import { EmptyState } from "../../../components/EmptyState";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { Loading } from "../../../components/Loading";
import { Pager } from "../../../components/Pager";
import { formatCount, formatDateTime } from "../../../lib/format";
import type { Delivery, Endpoint } from "../api/webhooks";
import { useDeliveries } from "../hooks/useWebhooks";
import { StatusBadge, type StatusTone } from "../../../components/StatusBadge";

type Attempt = Delivery["attempt_log"][number];

const DELIVERY_TONE: Record<Delivery["status"], StatusTone> = { pending: "idle", succeeded: "good", failed: "bad" };

/** The receiver's HTTP status code, or that it never answered (refused, timed out). */
function answer(attempt: Attempt, t: TFunction<"webhooks">): string {
  return attempt.status_code === null ? t("log.noAnswer") : t("log.httpStatus", { code: attempt.status_code });
}

/** What the last attempt got back: the status code, or why there was none. */
function lastOutcome(delivery: Delivery, t: TFunction<"webhooks">): string {
  const last = delivery.attempt_log.at(-1);
  if (!last) return t("log.notAttempted");
  return last.error ? t("log.outcome", { answer: answer(last, t), error: last.error }) : answer(last, t);
}

/** An endpoint's deliveries, newest first, each with every attempt (code, error, duration, answer). */
export function DeliveryLog({ endpoint }: { endpoint: Endpoint }) {
  const [page, setPage] = useState(1);
  const log = useDeliveries(endpoint.id, page);
  const { t } = useTranslation("webhooks");

  return (
    <Stack component="section" aria-label={t("log.label", { url: endpoint.url })}>
      <Title order={2}>{t("log.title")}</Title>
      <Code style={{ overflowWrap: "anywhere" }}>{endpoint.url}</Code>
      {log.isPending && <Loading />}
      <ErrorMessage error={log.error} />
      {log.data && log.data.results.length === 0 && <EmptyState>{t("log.empty")}</EmptyState>}
      {log.data && log.data.results.length > 0 && (
        <>
          <Text c="dimmed">{t("log.deliveries", { count: log.data.count, n: formatCount(log.data.count) })}</Text>
          <Table.ScrollContainer minWidth="48rem" type="native">
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("log.when")}</Table.Th>
                  <Table.Th scope="col">{t("log.event")}</Table.Th>
                  <Table.Th scope="col">{t("log.status")}</Table.Th>
                  <Table.Th scope="col">{t("log.attempts")}</Table.Th>
                  <Table.Th scope="col">{t("log.lastAttempt")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {log.data.results.map((delivery) => (
                  <Table.Tr key={delivery.id}>
                    <Table.Td>
                      <DateTime value={delivery.created_at} />
                    </Table.Td>
                    <Table.Td>
                      <Code>{delivery.event_type}</Code>
                    </Table.Td>
                    <Table.Td>
                      <StatusBadge tone={DELIVERY_TONE[delivery.status]}>
                        {t(`log.statuses.${delivery.status}`)}
                      </StatusBadge>
                      {delivery.next_attempt_at && (
                        <Text size="sm" c="dimmed">
                          {t("log.nextTry", { when: formatDateTime(delivery.next_attempt_at) })}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{formatCount(delivery.attempts)}</Table.Td>
                    <Table.Td>
                      {lastOutcome(delivery, t)}
                      {delivery.attempt_log.length > 0 && (
                        <details>
                          <summary>{t("log.everyAttempt")}</summary>
                          <List type="ordered" size="sm">
                            {delivery.attempt_log.map((attempt) => (
                              <List.Item key={attempt.number}>
                                {t("log.attempt", { answer: answer(attempt, t), ms: formatCount(attempt.duration_ms) })}
                                {attempt.error && <> — {attempt.error}</>}
                                {attempt.response_body && (
                                  <Code block style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
                                    {attempt.response_body}
                                  </Code>
                                )}
                              </List.Item>
                            ))}
                          </List>
                        </details>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Pager
            label={t("log.pages")}
            page={page}
            hasPrevious={log.data.previous != null}
            hasNext={log.data.next != null}
            onPage={setPage}
          />
        </>
      )}
    </Stack>
  );
}
