import { useState } from "react";
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
        {version.line} version {version.number} <span className={`status status-${version.status}`}>{version.status}</span>
      </h2>
      <table>
        <caption>Evaluation</caption>
        <tbody>
          <tr>
            <th scope="row">Held-out preference accuracy</th>
            <td>{percent(f.preference)}</td>
          </tr>
          <tr>
            <th scope="row">LLMBar pairwise accuracy</th>
            <td>{percent(f.llmbar)}</td>
          </tr>
          {f.llmbarSubsets.map(([name, value]) => (
            <tr key={name}>
              <th scope="row" className="muted">
                LLMBar {name}
              </th>
              <td>{percent(value)}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">Hazard rate (red-team set)</th>
            <td>{percent(f.hazard)}</td>
          </tr>
          <tr>
            <th scope="row">Constitution agreement</th>
            <td>{percent(f.constitution)}</td>
          </tr>
        </tbody>
      </table>
      <p className="muted">
        Lineage: {lineage.map((v) => `v${v.number}`).join(" ← ")}
      </p>
      {canPublish && !published && (
        <div className="stack">
          <label className="field">
            Override reason (needed only when a gate fails; it is audited)
            <textarea value={reason} onChange={(e) => setReason(e.target.value)} aria-describedby="gate-failures" />
          </label>
          <FieldErrors id="gate-failures" messages={refusal} />
          <div className="row">
            {!wasPublished && (
              <button type="button" disabled={publish.isPending} onClick={() => publish.mutate({ id, reason })}>
                Publish version {version.number}
              </button>
            )}
            {wasPublished && (
              <button type="button" disabled={rollback.isPending} onClick={() => rollback.mutate({ id, reason })}>
                Roll back to version {version.number}
              </button>
            )}
          </div>
          {!(publish.error instanceof ApiError && refusal.length > 0) && <ErrorMessage error={publish.error} />}
          <ErrorMessage error={rollback.error} />
        </div>
      )}
      {decisions.length > 0 && (
        <table>
          <caption>Publish decisions</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Action</th>
              <th scope="col">By</th>
              <th scope="col">Reason / failed gates</th>
            </tr>
          </thead>
          <tbody>
            {decisions.map((d) => (
              <tr key={d.id}>
                <td>
                  <DateTime value={d.created_at} />
                </td>
                <td>{d.action}</td>
                <td>{d.actor ?? "automatic"}</td>
                <td>{[d.reason, ...(Array.isArray(d.gate_failures) ? d.gate_failures : [])].filter(Boolean).join(" ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
