import type { TFunction } from "i18next";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ErrorMessage, FieldErrors } from "../../../components/ErrorMessage";
import { Loading } from "../../../components/Loading";
import { ApiError } from "../../../lib/api/errors";
import { formatCount } from "../../../lib/format";
import { capabilities, useMe } from "../../../lib/session";
import { useCancelRun, useLiveRun } from "../hooks/useLoop";
import { LossPlot } from "./LossPlot";
import { VersionPanel } from "./VersionPanel";

const ACTIVE = ["waiting", "queued", "running", "evaluating"];

/** Admins end a run stuck waiting, queued or running, so that it stops locking its line (audited). */
function CancelRunForm({ id }: { id: number }) {
  const cancel = useCancelRun();
  const [reason, setReason] = useState("");
  const { t } = useTranslation("training");
  const error = cancel.error instanceof ApiError ? cancel.error : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    cancel.mutate({ id, reason });
  }

  return (
    <form onSubmit={submit} className="row" aria-label={t("cancel.label")}>
      <label className="field">
        {t("cancel.reason")}
        <input value={reason} onChange={(e) => setReason(e.target.value)} />
        <FieldErrors id="cancel-errors" messages={error?.fieldErrors("reason") ?? []} />
      </label>
      <div>
        <button type="submit" disabled={cancel.isPending}>
          {t("cancel.submit")}
        </button>
      </div>
      <ErrorMessage error={cancel.error} />
    </form>
  );
}

const PHASES = ["snapshot_s", "training_s", "evaluation_s", "publish_s"] as const;

function eta(seconds: number | null, t: TFunction<"training">): string {
  if (seconds === null) return "";
  return seconds < 60
    ? t("run.secondsLeft", { n: Math.round(seconds) })
    : t("run.minutesLeft", { n: Math.round(seconds / 60) });
}

/** One run, live: progress bar, loss plot, phase timings, then the new version's evaluation. */
export function RunPage() {
  const id = Number(useParams().id);
  const run = useLiveRun(id);
  const canCancel = capabilities(useMe().data).publish;
  const { t } = useTranslation("training");

  if (run.isPending) return <Loading />;
  if (!run.data) return <ErrorMessage error={run.error} />;
  const r = run.data;
  return (
    <main className="stack">
      <p>
        <Link to="/training">{t("run.allRuns")}</Link>
      </p>
      <h1>{t("run.title", { id: r.id, recipe: r.recipe, line: r.line })}</h1>
      <p>
        {t("run.status")} <span className={`status status-${r.status}`}>{t(`runStatus.${r.status}`)}</span>
        {r.attempts > 1 && (
          <span className="muted">
            {" "}
            {t("run.resumed", { attempt: r.attempts, step: r.resumed_from_step })}
          </span>
        )}
      </p>
      {r.devices !== null && (
        <p className="muted">{t("run.devices", { count: r.devices, n: formatCount(r.devices) })}</p>
      )}
      {r.status === "cancelled" && (
        <p className="error">{t("run.cancelledBy", { who: r.cancelled_by ?? t("run.anAdmin"), reason: r.cancel_reason })}</p>
      )}
      {canCancel && ACTIVE.includes(r.status) && <CancelRunForm id={r.id} />}
      {r.status === "waiting" && <p className="muted">{t("run.waiting")}</p>}
      {r.error && <p className="error">{r.error}</p>}
      <div className="stack">
        <label className="field">
          {t("run.progress")}
          <progress
            max={r.total_steps || 1}
            value={r.step}
            aria-valuetext={t("run.progressValue", { step: r.step, total: r.total_steps })}
          />
        </label>
        <span className="muted">
          {t("run.steps", { step: r.step, total: r.total_steps || t("page.unknownTotal") })}{" "}
          {r.loss !== null && t("run.loss", { loss: r.loss.toFixed(4) })} {eta(r.eta_s, t)}
        </span>
      </div>
      <LossPlot history={r.history} totalSteps={r.total_steps} />
      <p className="muted">
        {t("run.from", { number: r.base_version_number })}{" "}
        {r.snapshot_hash ? (
          <code title={r.snapshot_hash}>{r.snapshot_hash.slice(0, 12)}</code>
        ) : (
          t("run.snapshotBuilding", { id: r.snapshot })
        )}
      </p>
      {Object.keys(r.timings).length > 0 && (
        <dl className="row" aria-label={t("run.phases")}>
          {PHASES.filter((phase) => phase in r.timings).map((phase) => (
            <div key={phase}>
              <dt>{t(`run.phase.${phase}`)}</dt>
              <dd>{t("run.seconds", { n: (r.timings[phase] ?? 0).toFixed(1) })}</dd>
            </div>
          ))}
        </dl>
      )}
      {r.version !== null && r.status === "done" && <VersionPanel id={r.version} />}
    </main>
  );
}
