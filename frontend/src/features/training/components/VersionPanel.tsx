import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DateTime } from "../../../components/DateTime";
import { ErrorMessage, FieldErrors } from "../../../components/ErrorMessage";
import { Loading } from "../../../components/Loading";
import { ApiError } from "../../../lib/api/errors";
import { capabilities, useMe } from "../../../lib/session";
import { usePublish, useRollback, useVersionDetail } from "../hooks/useLoop";
import { figures, percent } from "./metrics";

/** A version's evaluation, lineage and publish audit, with gated publish and rollback. */
export function VersionPanel({ id }: { id: number }) {
  const detail = useVersionDetail(id);
  const publish = usePublish();
  const rollback = useRollback();
  const canPublish = capabilities(useMe().data).publish;
  const [reason, setReason] = useState("");
  const { t } = useTranslation("training");
  const refusal = publish.error instanceof ApiError ? publish.error.fieldErrors("gates") : [];

  if (detail.isPending) return <Loading />;
  if (!detail.data) return <ErrorMessage error={detail.error} />;
  const { version, lineage, decisions } = detail.data;
  const f = figures(version.metrics);
  const published = version.status === "published";
  const wasPublished = version.published_at !== null;

  return (
    <section className="stack" aria-labelledby={`version-${id}-heading`}>
      <h2 id={`version-${id}-heading`}>
        {t("version.heading", { line: version.line, number: version.number })}{" "}
        <span className={`status status-${version.status}`}>{t(`versionStatus.${version.status}`)}</span>
      </h2>
      <table>
        <caption>{t("version.evaluation")}</caption>
        <tbody>
          <tr>
            <th scope="row">{t("version.preference")}</th>
            <td>{percent(f.preference)}</td>
          </tr>
          <tr>
            <th scope="row">{t("version.llmbar")}</th>
            <td>{percent(f.llmbar)}</td>
          </tr>
          {f.llmbarSubsets.map(([name, value]) => (
            <tr key={name}>
              <th scope="row" className="muted">
                {t("version.llmbarSubset", { name })}
              </th>
              <td>{percent(value)}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">{t("version.hazard")}</th>
            <td>{percent(f.hazard)}</td>
          </tr>
          <tr>
            <th scope="row">{t("version.constitution")}</th>
            <td>{percent(f.constitution)}</td>
          </tr>
        </tbody>
      </table>
      <p className="muted">
        {t("version.lineage", { versions: lineage.map((v) => t("version.lineageVersion", { number: v.number })).join(" ← ") })}
      </p>
      {canPublish && !published && (
        <div className="stack">
          <label className="field">
            {t("version.overrideReason")}
            <textarea value={reason} onChange={(e) => setReason(e.target.value)} aria-describedby="gate-failures" />
          </label>
          <FieldErrors id="gate-failures" messages={refusal} />
          <div className="row">
            {!wasPublished && (
              <button type="button" disabled={publish.isPending} onClick={() => publish.mutate({ id, reason })}>
                {t("version.publish", { number: version.number })}
              </button>
            )}
            {wasPublished && (
              <button type="button" disabled={rollback.isPending} onClick={() => rollback.mutate({ id, reason })}>
                {t("version.rollback", { number: version.number })}
              </button>
            )}
          </div>
          {!(publish.error instanceof ApiError && refusal.length > 0) && <ErrorMessage error={publish.error} />}
          <ErrorMessage error={rollback.error} />
        </div>
      )}
      {decisions.length > 0 && (
        <table>
          <caption>{t("version.decisions")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("version.when")}</th>
              <th scope="col">{t("version.action")}</th>
              <th scope="col">{t("version.by")}</th>
              <th scope="col">{t("version.reason")}</th>
            </tr>
          </thead>
          <tbody>
            {decisions.map((d) => (
              <tr key={d.id}>
                <td>
                  <DateTime value={d.created_at} />
                </td>
                <td>{t(`version.actions.${d.action}`)}</td>
                <td>{d.actor ?? t("version.automatic")}</td>
                <td>{[d.reason, ...(Array.isArray(d.gate_failures) ? d.gate_failures : [])].filter(Boolean).join(" ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
