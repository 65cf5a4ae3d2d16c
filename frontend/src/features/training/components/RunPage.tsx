import { useState, type FormEvent } from "react";
import { Link, useParams } from "react-router";
import { ErrorMessage, FieldErrors } from "../../../components/ErrorMessage";
import { Loading } from "../../../components/Loading";
import { ApiError } from "../../../lib/api/errors";
import { capabilities, useMe } from "../../../lib/session";
import { useCancelRun, useLiveRun } from "../hooks/useLoop";
import { LossPlot } from "./LossPlot";
import { VersionPanel } from "./VersionPanel";

const ACTIVE = ["waiting", "queued", "running", "evaluating"];

/** Admins end a run stuck waiting, queued or running, so that it stops locking its line (audited). */
function CancelRunForm({ id }: { id: number }) {
  const cancel = useCancelRun();
  const [reason, setReason] = useState("");
  const error = cancel.error instanceof ApiError ? cancel.error : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    cancel.mutate({ id, reason });
  }

  return (
    <form onSubmit={submit} className="row" aria-label="Cancel this run">
      <label className="field">
        Reason for cancelling
        <input value={reason} onChange={(e) => setReason(e.target.value)} />
        <FieldErrors id="cancel-errors" messages={error?.fieldErrors("reason") ?? []} />
      </label>
      <div>
        <button type="submit" disabled={cancel.isPending}>
          Cancel run
        </button>
      </div>
      <ErrorMessage error={cancel.error} />
    </form>
  );
}

const PHASES = ["snapshot_s", "training_s", "evaluation_s", "publish_s"] as const;

function eta(seconds: number | null): string {
  if (seconds === null) return "";
  return seconds < 60 ? `${Math.round(seconds)} s left` : `${Math.round(seconds / 60)} min left`;
}

/** One run, live: progress bar, loss plot, phase timings, then the new version's evaluation. */
export function RunPage() {
  const id = Number(useParams().id);
  const run = useLiveRun(id);
  const canCancel = capabilities(useMe().data).publish;

  if (run.isPending) return <Loading />;
  if (!run.data) return <ErrorMessage error={run.error} />;
  const r = run.data;
  return (
    <main className="stack">
      <p>
        <Link to="/training">All runs</Link>
      </p>
      <h1>
        Run #{r.id}: {r.recipe} on {r.line}
      </h1>
      <p>
        Status: <span className={`status status-${r.status}`}>{r.status}</span>
        {r.attempts > 1 && <span className="muted"> (attempt {r.attempts}, resumed at step {r.resumed_from_step})</span>}
      </p>
      {r.devices !== null && (
        <p className="muted">
          Trained on {r.devices} {r.devices === 1 ? "device" : "devices"}
        </p>
      )}
      {r.status === "cancelled" && (
        <p className="error">
          Cancelled by {r.cancelled_by ?? "an admin"}: {r.cancel_reason}
        </p>
      )}
      {canCancel && ACTIVE.includes(r.status) && <CancelRunForm id={r.id} />}
      {r.status === "waiting" && <p className="muted">Building its dataset snapshot; training starts once it is built.</p>}
      {r.error && <p className="error">{r.error}</p>}
      <div className="stack">
        <label className="field">
          Training progress
          <progress max={r.total_steps || 1} value={r.step} aria-valuetext={`step ${r.step} of ${r.total_steps}`} />
        </label>
        <span className="muted">
          step {r.step} / {r.total_steps || "?"} {r.loss !== null && `· loss ${r.loss.toFixed(4)}`} {eta(r.eta_s)}
        </span>
      </div>
      <LossPlot history={r.history} totalSteps={r.total_steps} />
      <p className="muted">
        From version {r.base_version_number}, on snapshot{" "}
        {r.snapshot_hash ? <code title={r.snapshot_hash}>{r.snapshot_hash.slice(0, 12)}</code> : `#${r.snapshot} (building)`}
      </p>
      {Object.keys(r.timings).length > 0 && (
        <dl className="row" aria-label="Time per phase">
          {PHASES.filter((phase) => phase in r.timings).map((phase) => (
            <div key={phase}>
              <dt>{phase.replace("_s", "")}</dt>
              <dd>{(r.timings[phase] ?? 0).toFixed(1)} s</dd>
            </div>
          ))}
        </dl>
      )}
      {r.version !== null && r.status === "done" && <VersionPanel id={r.version} />}
    </main>
  );
}
