import { useState } from "react";
import { useParams, useSearchParams } from "react-router";
import { DateTime } from "../../../components/DateTime";
import { ErrorMessage, FieldErrors } from "../../../components/ErrorMessage";
import { Loading } from "../../../components/Loading";
import { Pager, parsePage } from "../../../components/Pager";
import { ApiError } from "../../../lib/api/errors";
import { capabilities, useMe } from "../../../lib/session";
import type { ModelVersion } from "../api/registry";
import { useModelVersions, usePublishVersion, useRollbackVersion } from "../hooks/useRegistry";

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
  const rollback = useRollbackVersion();
  const canPublish = capabilities(useMe().data).publish;
  const [overrideReason, setOverrideReason] = useState("");
  // A gate refusal names the failed gates; the admin may then publish over them with a reason.
  const failedGates = publish.error instanceof ApiError ? publish.error.fieldErrors("gates") : [];
  const refused =
    failedGates.length > 0
      ? versions.data?.results.find((version) => version.id === publish.variables?.id)
      : undefined;

  return (
    <section aria-labelledby="versions-heading" className="stack">
      <h2 id="versions-heading">Versions of {slug}</h2>
      {versions.isPending && <Loading />}
      <ErrorMessage error={versions.error} />
      {!refused && <ErrorMessage error={publish.error} />}
      <FieldErrors
        id="publish-errors"
        messages={publish.error instanceof ApiError ? publish.error.fieldErrors("version") : []}
      />
      <ErrorMessage error={rollback.error} />
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
                          onClick={() => publish.mutate({ id: version.id, overrideReason: "" })}
                        >
                          Publish
                        </button>
                      )}
                      {version.status === "retired" && version.published_at !== null && (
                        <button
                          type="button"
                          aria-label={`Roll back to version ${version.number}`}
                          disabled={rollback.isPending}
                          onClick={() => rollback.mutate(version.id)}
                        >
                          Roll back
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
      {refused && (
        <section aria-labelledby="refusal-heading" className="stack">
          <h3 id="refusal-heading">The gates refused version {refused.number}</h3>
          <ul aria-label="Failed gates">
            {failedGates.map((failure) => (
              <li key={failure}>{failure}</li>
            ))}
          </ul>
          <label className="field">
            Override reason (admins only; recorded in the publish audit)
            <textarea
              value={overrideReason}
              onChange={(event) => setOverrideReason(event.target.value)}
              aria-describedby="override-errors"
            />
          </label>
          <FieldErrors
            id="override-errors"
            messages={publish.error instanceof ApiError ? publish.error.fieldErrors("override_reason") : []}
          />
          <div className="row">
            <button
              type="button"
              disabled={publish.isPending || overrideReason.trim() === ""}
              onClick={() => publish.mutate({ id: refused.id, overrideReason })}
            >
              Publish version {refused.number} over its gates
            </button>
          </div>
        </section>
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
