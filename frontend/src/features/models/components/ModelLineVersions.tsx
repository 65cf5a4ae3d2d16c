import { useParams, useSearchParams } from "react-router";
import { DateTime } from "../../../components/DateTime";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { Loading } from "../../../components/Loading";
import { Pager, parsePage } from "../../../components/Pager";
import { capabilities, useMe } from "../../../lib/session";
import type { ModelVersion } from "../api/registry";
import { useModelVersions, usePublishVersion } from "../hooks/useRegistry";

const PUBLISHABLE: ReadonlySet<ModelVersion["status"]> = new Set(["draft", "evaluating"]);

function formatMetrics(metrics: ModelVersion["metrics"]): string {
  // Metrics are free-form JSON in the schema; the registry stores an object of named figures.
  if (metrics === null || typeof metrics !== "object") return "—";
  const entries = Object.entries(metrics);
  if (entries.length === 0) return "—";
  return entries
    .map(([name, value]) => `${name}: ${typeof value === "number" ? value.toPrecision(3) : JSON.stringify(value)}`)
    .join(", ");
}

export function ModelLineVersions() {
  const { slug = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const page = parsePage(params.get("versions"));
  const versions = useModelVersions(slug, page);
  const publish = usePublishVersion();
  const canPublish = capabilities(useMe().data).publish;

  return (
    <section aria-labelledby="versions-heading" className="stack">
      <h2 id="versions-heading">Versions of {slug}</h2>
      {versions.isPending && <Loading />}
      <ErrorMessage error={versions.error} />
      <ErrorMessage error={publish.error} />
      {versions.data && versions.data.results.length === 0 && <p>This line has no versions yet.</p>}
      {versions.data && versions.data.results.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Version</th>
                <th scope="col">Status</th>
                <th scope="col">Base</th>
                <th scope="col">Metrics</th>
                <th scope="col">Dataset</th>
                <th scope="col">Code</th>
                <th scope="col">Created</th>
                <th scope="col">Published</th>
                {canPublish && <th scope="col">Actions</th>}
              </tr>
            </thead>
            <tbody>
              {versions.data.results.map((version) => (
                <tr key={version.id}>
                  <th scope="row">
                    {version.number}
                    {version.parent !== null && (
                      <span className="muted"> (from #{version.parent})</span>
                    )}
                  </th>
                  <td>
                    <span className={`status status-${version.status}`}>{version.status}</span>
                  </td>
                  <td>{version.base}</td>
                  <td>{formatMetrics(version.metrics)}</td>
                  <td>
                    <code title={version.dataset_hash}>{version.dataset_hash.slice(0, 12)}</code>
                  </td>
                  <td>
                    <code>{version.code_version}</code>
                  </td>
                  <td>
                    <DateTime value={version.created_at} />
                  </td>
                  <td>
                    <DateTime value={version.published_at} />
                  </td>
                  {canPublish && (
                    <td>
                      {PUBLISHABLE.has(version.status) && (
                        <button
                          type="button"
                          aria-label={`Publish version ${version.number}`}
                          disabled={publish.isPending}
                          onClick={() => publish.mutate(version.id)}
                        >
                          Publish
                        </button>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {versions.data && (
        <Pager
          label="Version pages"
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
    </section>
  );
}
