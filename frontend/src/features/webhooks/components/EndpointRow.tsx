import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DateTime } from "../../../components/DateTime";
import { ErrorMessage } from "../../../components/ErrorMessage";
import type { Endpoint } from "../api/webhooks";
import { useChangeEndpoint, useDeleteEndpoint, useSendTestEvent } from "../hooks/useWebhooks";

type Props = { endpoint: Endpoint; selected: boolean; onSelect: () => void };

/** One endpoint with its actions: disable or enable, send a test event, show its log, delete. */
export function EndpointRow({ endpoint, selected, onSelect }: Props) {
  const change = useChangeEndpoint(endpoint.id);
  const remove = useDeleteEndpoint(endpoint.id);
  const test = useSendTestEvent(endpoint.id);
  const [confirming, setConfirming] = useState(false);
  const { t } = useTranslation("webhooks");

  function sendTest() {
    test.mutate(undefined, { onSuccess: onSelect });
  }

  return (
    <tr aria-current={selected ? "true" : undefined}>
      <td>
        <code>{endpoint.url}</code>
        {endpoint.description && <div className="muted">{endpoint.description}</div>}
      </td>
      <td>
        <ul className="plain-list">
          {endpoint.event_types.map((type) => (
            <li key={type}>
              <code>{type}</code>
            </li>
          ))}
        </ul>
      </td>
      <td>{endpoint.active ? t("row.active") : t("row.disabled")}</td>
      <td>
        {endpoint.created_by ?? <span className="muted">{t("row.unknownAuthor")}</span>}
        <div className="muted">
          <DateTime value={endpoint.created_at} />
        </div>
      </td>
      <td>
        <div className="row">
          <button type="button" onClick={onSelect} aria-pressed={selected}>
            {t("row.deliveryLog")}
          </button>
          <button type="button" onClick={sendTest} disabled={test.isPending}>
            {t("row.sendTest")}
          </button>
          <button
            type="button"
            onClick={() => change.mutate({ active: !endpoint.active })}
            disabled={change.isPending}
          >
            {endpoint.active ? t("row.disable") : t("row.enable")}
          </button>
          {confirming ? (
            <>
              <button type="button" className="danger" onClick={() => remove.mutate()} disabled={remove.isPending}>
                {t("row.deleteForGood")}
              </button>
              <button type="button" onClick={() => setConfirming(false)}>
                {t("row.keep")}
              </button>
            </>
          ) : (
            <button type="button" onClick={() => setConfirming(true)}>
              {t("row.delete")}
            </button>
          )}
        </div>
        <ErrorMessage error={change.error ?? remove.error ?? test.error} />
      </td>
    </tr>
  );
}
