import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { DateTime } from "../../../components/DateTime";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { Loading } from "../../../components/Loading";
import { ACTIVE_STATUSES, downloadUrl, type Study } from "../api/studies";
import { useCancelStudy, useLiveStudy } from "../hooks/useStudies";
import { ReportView } from "./ReportView";
import "./studies.css";

function Lineage({ study }: { study: Study }) {
  const { t } = useTranslation("studies");
  return (
    <dl className="study-lineage">
      <dt>{t("lineage.params")}</dt>
      <dd>
        <code>{JSON.stringify(study.params)}</code>
      </dd>
      <dt>{t("lineage.codeVersion")}</dt>
      <dd>
        <code>{study.code_version || t("lineage.unknown")}</code>
      </dd>
      <dt>{t("lineage.steps")}</dt>
      <dd>{t("lineage.stepCount", { count: study.steps_total })}</dd>
      <dt>{t("lineage.snapshots")}</dt>
      <dd>
        {study.snapshots.length === 0
          ? t("lineage.noneYet")
          : study.snapshots.map((s) => (
              <code key={s.id} title={s.content_hash}>
                {s.content_hash.slice(0, 12) || s.status}{" "}
              </code>
            ))}
      </dd>
      <dt>{t("lineage.runs")}</dt>
      <dd>
        {study.runs.length === 0
          ? t("lineage.noneYet")
          : study.runs.map((id) => (
              <span key={id}>
                <Link to={`/training/runs/${id}`}>#{id}</Link>{" "}
              </span>
            ))}
      </dd>
      <dt>{t("lineage.versions")}</dt>
      <dd>{study.versions.map((v) => v.name).join(", ") || t("lineage.noneYet")}</dd>
    </dl>
  );
}

/** One study: live progress while it runs, then its report, downloads and a printable page. */
export function StudyPage() {
  const id = Number(useParams().id);
  const study = useLiveStudy(id);
  const cancel = useCancelStudy();
  const { t } = useTranslation("studies");

  if (study.isPending) return <Loading />;
  if (!study.data) return <ErrorMessage error={study.error} />;
  const s = study.data;
  const active = ACTIVE_STATUSES.has(s.status);
  const waiting = typeof s.waiting.reason === "string" ? s.waiting.reason : "";
  return (
    <main className="stack study-page">
      <p className="no-print">
        <Link to="/studies">{t("page.allStudies")}</Link>
      </p>
      <h1>{t("page.heading", { id: s.id, kind: s.kind })}</h1>
      <p>
        {t("page.status")} <span className={`status status-${s.status}`}>{t(`status.${s.status}`)}</span>
        {s.created_by && <> · {t("page.startedBy", { user: s.created_by })}</>} · <DateTime value={s.created_at} />
      </p>
      {active && (
        <div className="stack no-print">
          <label className="field">
            {t("progress.label")}
            <progress
              max={s.steps_total}
              value={s.step_index}
              aria-valuetext={t("progress.short", { n: s.step_index + 1, total: s.steps_total, detail: s.step })}
            />
          </label>
          <span className="muted" aria-live="polite">
            {t("progress.long", { n: s.step_index + 1, total: s.steps_total, step: s.step, detail: waiting || s.message })}
          </span>
          <div>
            <button type="button" onClick={() => cancel.mutate(s.id)} disabled={cancel.isPending}>
              {t("page.cancel")}
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
              {t("page.downloadJson")}
            </a>
            <a href={downloadUrl(s.id, "csv")} download>
              {t("page.downloadCsv")}
            </a>
            <button type="button" onClick={() => window.print()}>
              {t("page.print")}
            </button>
          </div>
          <ReportView report={s.report} />
        </>
      )}
    </main>
  );
}
