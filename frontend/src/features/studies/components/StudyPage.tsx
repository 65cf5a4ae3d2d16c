import { Link, useParams } from "react-router";
import { DateTime } from "../../../components/DateTime";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { Loading } from "../../../components/Loading";
import { ACTIVE_STATUSES, downloadUrl, type Study } from "../api/studies";
import { useCancelStudy, useLiveStudy } from "../hooks/useStudies";
import { ReportView } from "./ReportView";
import "./studies.css";

function Lineage({ study }: { study: Study }) {
  return (
    <dl className="study-lineage">
      <dt>Parameters</dt>
      <dd>
        <code>{JSON.stringify(study.params)}</code>
      </dd>
      <dt>Code version</dt>
      <dd>
        <code>{study.code_version || "unknown"}</code>
      </dd>
      <dt>Snapshots</dt>
      <dd>
        {study.snapshots.length === 0
          ? "none yet"
          : study.snapshots.map((s) => (
              <code key={s.id} title={s.content_hash}>
                {s.content_hash.slice(0, 12) || s.status}{" "}
              </code>
            ))}
      </dd>
      <dt>Training runs</dt>
      <dd>
        {study.runs.length === 0
          ? "none yet"
          : study.runs.map((id) => (
              <span key={id}>
                <Link to={`/training/runs/${id}`}>#{id}</Link>{" "}
              </span>
            ))}
      </dd>
      <dt>Model versions</dt>
      <dd>{study.versions.map((v) => v.name).join(", ") || "none yet"}</dd>
    </dl>
  );
}

/** One study: live progress while it runs, then its report, downloads and a printable page. */
export function StudyPage() {
  const id = Number(useParams().id);
  const study = useLiveStudy(id);
  const cancel = useCancelStudy();

  if (study.isPending) return <Loading />;
  if (!study.data) return <ErrorMessage error={study.error} />;
  const s = study.data;
  const active = ACTIVE_STATUSES.has(s.status);
  const waiting = typeof s.waiting.reason === "string" ? s.waiting.reason : "";
  return (
    <main className="stack study-page">
      <p className="no-print">
        <Link to="/studies">All studies</Link>
      </p>
      <h1>
        Study #{s.id}: {s.kind}
      </h1>
      <p>
        Status: <span className={`status status-${s.status}`}>{s.status}</span>
        {s.created_by && <> · started by {s.created_by}</>} · <DateTime value={s.created_at} />
      </p>
      {active && (
        <div className="stack no-print">
          <label className="field">
            Progress
            <progress
              max={s.steps_total}
              value={s.step_index}
              aria-valuetext={`step ${s.step_index + 1} of ${s.steps_total}: ${s.step}`}
            />
          </label>
          <span className="muted" aria-live="polite">
            Step {s.step_index + 1} of {s.steps_total} ({s.step}): {waiting || s.message}
          </span>
          <div>
            <button type="button" onClick={() => cancel.mutate(s.id)} disabled={cancel.isPending}>
              Cancel study
            </button>
          </div>
          <ErrorMessage error={cancel.error} />
        </div>
      )}
      {s.error && <p className="error">{s.error}</p>}
      <Lineage study={s} />
      {s.report && (
        <>
          <div className="row no-print">
            <a href={downloadUrl(s.id, "json")} download>
              Download JSON
            </a>
            <a href={downloadUrl(s.id, "csv")} download>
              Download CSV
            </a>
            <button type="button" onClick={() => window.print()}>
              Print summary
            </button>
          </div>
          <ReportView report={s.report} />
        </>
      )}
    </main>
  );
}
