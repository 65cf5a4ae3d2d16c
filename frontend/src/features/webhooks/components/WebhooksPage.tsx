import { useState } from "react";
import { Trans, useTranslation } from "react-i18next";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { Loading } from "../../../components/Loading";
import type { CreatedEndpoint } from "../api/webhooks";
import { useEndpoints } from "../hooks/useWebhooks";
import { DeliveryLog } from "./DeliveryLog";
import { EndpointForm } from "./EndpointForm";
import { EndpointRow } from "./EndpointRow";

/** The secret of a just-registered endpoint: the API shows it this once. */
function SecretNotice({ endpoint, onDone }: { endpoint: CreatedEndpoint; onDone: () => void }) {
  const { t } = useTranslation("webhooks");
  return (
    <section className="card stack" role="status" aria-label={t("secret.label")}>
      <h2>{t("secret.title")}</h2>
      <p>
        <Trans t={t} i18nKey="secret.body" values={{ url: endpoint.url }} components={{ code: <code /> }} />
      </p>
      <pre>
        <code>{endpoint.secret}</code>
      </pre>
      <div>
        <button type="button" onClick={onDone}>
          {t("secret.stored")}
        </button>
      </div>
    </section>
  );
}

/** Researchers' and admins' webhook endpoints: signed HTTPS callbacks on platform events. */
export function WebhooksPage() {
  const endpoints = useEndpoints();
  const [created, setCreated] = useState<CreatedEndpoint | null>(null);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const selected = endpoints.data?.results.find((endpoint) => endpoint.id === selectedId) ?? null;
  const { t } = useTranslation("webhooks");

  return (
    <main className="stack">
      <h1>{t("page.title")}</h1>
      <p>
        <Trans t={t} i18nKey="page.intro" components={{ code: <code /> }} />
      </p>
      {created && <SecretNotice endpoint={created} onDone={() => setCreated(null)} />}
      <EndpointForm onCreated={setCreated} />
      <h2>{t("page.endpoints")}</h2>
      {endpoints.isPending && <Loading />}
      <ErrorMessage error={endpoints.error} />
      {endpoints.data && endpoints.data.results.length === 0 && <p>{t("page.empty")}</p>}
      {endpoints.data && endpoints.data.results.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("page.url")}</th>
                <th scope="col">{t("page.events")}</th>
                <th scope="col">{t("page.state")}</th>
                <th scope="col">{t("page.addedBy")}</th>
                <th scope="col">{t("page.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {endpoints.data.results.map((endpoint) => (
                <EndpointRow
                  key={endpoint.id}
                  endpoint={endpoint}
                  selected={endpoint.id === selectedId}
                  onSelect={() => setSelectedId(endpoint.id)}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {selected && <DeliveryLog key={selected.id} endpoint={selected} />}
    </main>
  );
}
