import { ErrorMessage } from "../../../components/ErrorMessage";
import { useServing } from "../hooks/useRegistry";

const STATE_LABELS: Record<string, string> = {
  stopped: "stopped",
  starting: "starting (loading weights)",
  ready: "ready",
  draining: "draining (finishing its requests)",
  failed: "failed",
};

/** Which version each served line's traffic goes to, and the state of every version server. */
export function ServingPanel() {
  const serving = useServing();
  if (!serving.data || serving.data.lines.length === 0) {
    return <ErrorMessage error={serving.error} />;
  }
  const { routes, endpoints } = serving.data;
  return (
    <section aria-labelledby="serving-heading" className="stack">
      <h2 id="serving-heading">Serving</h2>
      <p className="muted">
        Lines served by version servers ({serving.data.manager === "agent" ? "started by the serving agent" : "started by operators"}):
        a newly published version takes traffic once its server answers.
      </p>
      <ul aria-label="Traffic per line">
        {serving.data.lines.map((line) => {
          const route = routes.find((r) => r.line === line);
          return (
            <li key={line}>
              {route
                ? `${line}: traffic to version ${route.number} since ${new Date(route.switched_at).toLocaleString()}`
                : `${line}: no version serves it yet`}
            </li>
          );
        })}
      </ul>
      {endpoints.length > 0 && (
        <table>
          <caption>Version servers</caption>
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">State</th>
              <th scope="col">Where</th>
              <th scope="col">Since</th>
              <th scope="col">Last error</th>
            </tr>
          </thead>
          <tbody>
            {endpoints.map((endpoint) => (
              <tr key={endpoint.version}>
                <td>{endpoint.served_name}</td>
                <td>{STATE_LABELS[endpoint.state] ?? endpoint.state}</td>
                <td>{endpoint.base_url ? `${endpoint.base_url} (${endpoint.agent})` : "-"}</td>
                <td>{new Date(endpoint.state_since).toLocaleString()}</td>
                <td>{endpoint.error || "-"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
