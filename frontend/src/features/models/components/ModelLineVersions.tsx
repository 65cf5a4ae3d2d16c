import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams, useSearchParams } from "react-router";
import { DateTime } from "../../../components/DateTime";
import { ErrorMessage, FieldErrors } from "../../../components/ErrorMessage";
import { Loading } from "../../../components/Loading";
import { Pager, parsePage } from "../../../components/Pager";
import { ApiError } from "../../../lib/api/errors";
import { formatNumber } from "../../../lib/format";
import { capabilities, useMe } from "../../../lib/session";
import type { ModelVersion } from "../api/registry";
import { useModelVersions, usePublishVersion, useRollbackVersion } from "../hooks/useRegistry";

const PUBLISHABLE: ReadonlySet<ModelVersion["status"]> = new Set(["draft", "evaluating"]);

function Metrics({ metrics }: { metrics: ModelVersion["metrics"] }) {
  const { t } = useTranslation("models");
  // Metrics are free-form JSON in the schema; the registry stores an object of named figures.
  const entries = metrics !== null && typeof metrics === "object" ? Object.entries(metrics) : [];
  if (entries.length === 0) return "—";
  return entries
    .map(([name, value]) =>
      t("versions.metric", { name, value: typeof value === "number" ? formatNumber(value) : JSON.stringify(value) }),
    )
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
  const { t } = useTranslation("models");
  // A gate refusal names the failed gates; the admin may then publish over them with a reason.
  const failedGates = publish.error instanceof ApiError ? publish.error.fieldErrors("gates") : [];
  const refused =
    failedGates.length > 0
      ? versions.data?.results.find((version) => version.id === publish.variables?.id)
      : undefined;

  return (
    <section aria-labelledby="versions-heading" className="stack">
      <h2 id="versions-heading">{t("versions.heading", { slug })}</h2>
      {versions.isPending && <Loading />}
      <ErrorMessage error={versions.error} />
      {!refused && <ErrorMessage error={publish.error} />}
      <FieldErrors
        id="publish-errors"
        messages={publish.error instanceof ApiError ? publish.error.fieldErrors("version") : []}
      />
      <ErrorMessage error={rollback.error} />
      {versions.data && versions.data.results.length === 0 && <p>{t("versions.empty")}</p>}
      {versions.data && versions.data.results.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("versions.version")}</th>
                <th scope="col">{t("versions.status")}</th>
                <th scope="col">{t("versions.base")}</th>
                <th scope="col">{t("versions.metrics")}</th>
                <th scope="col">{t("versions.dataset")}</th>
                <th scope="col">{t("versions.code")}</th>
                <th scope="col">{t("versions.created")}</th>
                <th scope="col">{t("versions.published")}</th>
                {canPublish && <th scope="col">{t("versions.actions")}</th>}
              </tr>
            </thead>
            <tbody>
              {versions.data.results.map((version) => (
                <tr key={version.id}>
                  <th scope="row">
                    {version.number}
                    {version.parent !== null && (
                      <span className="muted"> {t("versions.parent", { parent: version.parent })}</span>
                    )}
                  </th>
                  <td>
                    <span className={`status status-${version.status}`}>{t(`status.${version.status}`)}</span>
                  </td>
                  <td>{version.base}</td>
                  <td>
                    <Metrics metrics={version.metrics} />
                  </td>
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
                          aria-label={t("versions.publishLabel", { number: version.number })}
                          disabled={publish.isPending}
                          onClick={() => publish.mutate({ id: version.id, overrideReason: "" })}
                        >
                          {t("versions.publish")}
                        </button>
                      )}
                      {version.status === "retired" && version.published_at !== null && (
                        <button
                          type="button"
                          aria-label={t("versions.rollBackLabel", { number: version.number })}
                          disabled={rollback.isPending}
                          onClick={() => rollback.mutate(version.id)}
                        >
                          {t("versions.rollBack")}
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
          <h3 id="refusal-heading">{t("refusal.heading", { number: refused.number })}</h3>
          <ul aria-label={t("refusal.failed")}>
            {failedGates.map((failure) => (
              <li key={failure}>{failure}</li>
            ))}
          </ul>
          <label className="field">
            {t("refusal.reason")}
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
              {t("refusal.override", { number: refused.number })}
            </button>
          </div>
        </section>
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
    </section>
  );
}
