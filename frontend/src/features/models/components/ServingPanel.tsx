import { useTranslation } from "react-i18next";
import { DateTime } from "../../../components/DateTime";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { formatDateTime } from "../../../lib/format";
import { useServing } from "../hooks/useRegistry";

/** Which version each served line's traffic goes to, and the state of every version server. */
export function ServingPanel() {
  const serving = useServing();
  const { t } = useTranslation("models");
  if (!serving.data || serving.data.lines.length === 0) {
    return <ErrorMessage error={serving.error} />;
  }
  const { routes, endpoints } = serving.data;
  return (
    <section aria-labelledby="serving-heading" className="stack">
      <h2 id="serving-heading">{t("serving.title")}</h2>
      <p className="muted">{t("serving.intro", { context: serving.data.manager })}</p>
      <ul aria-label={t("serving.traffic")}>
        {serving.data.lines.map((line) => {
          const route = routes.find((r) => r.line === line);
          return (
            <li key={line}>
              {route
                ? t("serving.route", { line, number: route.number, since: formatDateTime(route.switched_at) })
                : t("serving.unrouted", { line })}
            </li>
          );
        })}
      </ul>
      {endpoints.length > 0 && (
        <table>
          <caption>{t("serving.servers")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("serving.version")}</th>
              <th scope="col">{t("serving.state")}</th>
              <th scope="col">{t("serving.where")}</th>
              <th scope="col">{t("serving.since")}</th>
              <th scope="col">{t("serving.lastError")}</th>
            </tr>
          </thead>
          <tbody>
            {endpoints.map((endpoint) => (
              <tr key={endpoint.version}>
                <td>{endpoint.served_name}</td>
                <td>{t(`serving.states.${endpoint.state}`)}</td>
                <td>
                  {endpoint.base_url
                    ? t("serving.at", { url: endpoint.base_url, agent: endpoint.agent })
                    : t("serving.none")}
                </td>
                <td>
                  <DateTime value={endpoint.state_since} />
                </td>
                <td>{endpoint.error || t("serving.none")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
