import type { TFunction } from "i18next";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DateTime } from "../../../components/DateTime";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { Loading } from "../../../components/Loading";
import { Pager } from "../../../components/Pager";
import { formatCount, formatDateTime } from "../../../lib/format";
import type { Delivery, Endpoint } from "../api/webhooks";
import { useDeliveries } from "../hooks/useWebhooks";

type Attempt = Delivery["attempt_log"][number];

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
    <section className="stack" aria-label={t("log.label", { url: endpoint.url })}>
      <h2>{t("log.title")}</h2>
      <p className="muted">
        <code>{endpoint.url}</code>
      </p>
      {log.isPending && <Loading />}
      <ErrorMessage error={log.error} />
      {log.data && log.data.results.length === 0 && <p>{t("log.empty")}</p>}
      {log.data && log.data.results.length > 0 && (
        <>
          <p className="muted">{t("log.deliveries", { count: log.data.count, n: formatCount(log.data.count) })}</p>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("log.when")}</th>
                  <th scope="col">{t("log.event")}</th>
                  <th scope="col">{t("log.status")}</th>
                  <th scope="col">{t("log.attempts")}</th>
                  <th scope="col">{t("log.lastAttempt")}</th>
                </tr>
              </thead>
              <tbody>
                {log.data.results.map((delivery) => (
                  <tr key={delivery.id}>
                    <td>
                      <DateTime value={delivery.created_at} />
                    </td>
                    <td>
                      <code>{delivery.event_type}</code>
                    </td>
                    <td>
                      {t(`log.statuses.${delivery.status}`)}
                      {delivery.next_attempt_at && (
                        <span className="muted">
                          {" "}
                          {t("log.nextTry", { when: formatDateTime(delivery.next_attempt_at) })}
                        </span>
                      )}
                    </td>
                    <td>{formatCount(delivery.attempts)}</td>
                    <td>
                      {lastOutcome(delivery, t)}
                      {delivery.attempt_log.length > 0 && (
                        <details>
                          <summary>{t("log.everyAttempt")}</summary>
                          <ol>
                            {delivery.attempt_log.map((attempt) => (
                              <li key={attempt.number}>
                                {t("log.attempt", { answer: answer(attempt, t), ms: formatCount(attempt.duration_ms) })}
                                {attempt.error && <> — {attempt.error}</>}
                                {attempt.response_body && <pre>{attempt.response_body}</pre>}
                              </li>
                            ))}
                          </ol>
                        </details>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager
            label={t("log.pages")}
            page={page}
            hasPrevious={log.data.previous != null}
            hasNext={log.data.next != null}
            onPage={setPage}
          />
        </>
      )}
    </section>
  );
}
