import type { TFunction } from "i18next";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import {
  GROUP_FIELDS,
  percent,
  useQuotas,
  useSaveQuotas,
  type GroupField,
  type QuotaActivity,
  type QuotaInput,
  type QuotaReport,
} from "../../lib/diversity";
import { ErrorMessage } from "../ErrorMessage";
import { Loading } from "../Loading";

const isGroupField = (field: string): field is GroupField => GROUP_FIELDS.some((f) => f.value === field);

/** A field's name from the catalogue; a field this client does not know yet shows as sent. */
const fieldLabel = (field: string, t: TFunction<"diversity">) => (isGroupField(field) ? t(`fields.${field}`) : field);

type Draft = { field: GroupField; value: string; min_count: string; max_count: string; min_share: string; max_share: string };

const blank: Draft = { field: "region", value: "", min_count: "", max_count: "", min_share: "", max_share: "" };

const text = (x: number | null) => (x === null ? "" : String(x));
const shareText = (x: number | null) => (x === null ? "" : String(Math.round(x * 1000) / 10));

function draftsOf(report: QuotaReport): Draft[] {
  return report.quotas.map((q) => ({
    field: q.field,
    value: q.value,
    min_count: text(q.min_count),
    max_count: text(q.max_count),
    min_share: shareText(q.min_share),
    max_share: shareText(q.max_share),
  }));
}

const count = (s: string) => (s.trim() === "" ? null : Number(s));
const share = (s: string) => (s.trim() === "" ? null : Number(s) / 100);

function toInput(draft: Draft): QuotaInput {
  return {
    field: draft.field,
    value: draft.value,
    min_count: count(draft.min_count),
    max_count: count(draft.max_count),
    min_share: share(draft.min_share),
    max_share: share(draft.max_share),
  };
}

function QuotaEditor({ activity, objectId, report }: { activity: QuotaActivity; objectId: number; report: QuotaReport }) {
  const save = useSaveQuotas(activity, objectId);
  const [drafts, setDrafts] = useState<Draft[]>(() => draftsOf(report));
  const [planned, setPlanned] = useState(text(report.planned_total));
  const { t } = useTranslation("diversity");
  const change = (index: number, patch: Partial<Draft>) =>
    setDrafts((rows) => rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ planned_total: count(planned), quotas: drafts.map(toInput) });
  };
  return (
    <form onSubmit={submit} className="stack" aria-label={t("quotas.edit")}>
      <label className="field">
        {t("quotas.plannedTotal", { unit: report.unit })}
        <input type="number" min={1} value={planned} onChange={(e) => setPlanned(e.target.value)} />
      </label>
      {drafts.map((draft, index) => (
        <fieldset key={index} className="row">
          <legend>{t("quotas.quota", { number: index + 1 })}</legend>
          <label className="field">
            {t("quotas.field")}
            <select value={draft.field} onChange={(e) => change(index, { field: e.target.value as GroupField })}>
              {GROUP_FIELDS.map((f) => (
                <option key={f.value} value={f.value}>
                  {t(`fields.${f.value}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            {t("quotas.value")}
            <input
              value={draft.value}
              required
              placeholder={t("quotas.valueExample")}
              onChange={(e) => change(index, { value: e.target.value })}
            />
          </label>
          <label className="field">
            {t("quotas.minCount")}
            <input type="number" min={0} value={draft.min_count} onChange={(e) => change(index, { min_count: e.target.value })} />
          </label>
          <label className="field">
            {t("quotas.maxCount")}
            <input type="number" min={0} value={draft.max_count} onChange={(e) => change(index, { max_count: e.target.value })} />
          </label>
          <label className="field">
            {t("quotas.minShare")}
            <input type="number" min={0} max={100} step="any" value={draft.min_share} onChange={(e) => change(index, { min_share: e.target.value })} />
          </label>
          <label className="field">
            {t("quotas.maxShare")}
            <input type="number" min={0} max={100} step="any" value={draft.max_share} onChange={(e) => change(index, { max_share: e.target.value })} />
          </label>
          <button type="button" onClick={() => setDrafts((rows) => rows.filter((_, i) => i !== index))}>
            {t("quotas.remove")}
          </button>
        </fieldset>
      ))}
      <div className="row">
        <button type="button" onClick={() => setDrafts((rows) => [...rows, blank])}>
          {t("quotas.add")}
        </button>
        <button type="submit" disabled={save.isPending}>
          {t("quotas.save")}
        </button>
      </div>
      <ErrorMessage error={save.error} />
      {save.isSuccess && <p role="status">{t("quotas.saved")}</p>}
    </form>
  );
}

/** A researcher's panel on a campaign, question set or round: each group's fill against its
 * quota, every group's submissions by field, and the quotas' editor. */
export function QuotaPanel({ activity, objectId }: { activity: QuotaActivity; objectId: number }) {
  const quotas = useQuotas(activity, objectId);
  const { t } = useTranslation("diversity");
  return (
    <section aria-labelledby={`quotas-${activity}-${objectId}`} className="stack">
      <h2 id={`quotas-${activity}-${objectId}`}>{t("quotas.title")}</h2>
      {quotas.isPending && <Loading />}
      <ErrorMessage error={quotas.error} />
      {quotas.data && (
        <>
          <p>
            {quotas.data.planned === null
              ? t("quotas.summary", { total: quotas.data.total, unit: quotas.data.unit })
              : t("quotas.summaryPlanned", { total: quotas.data.total, unit: quotas.data.unit, planned: quotas.data.planned })}
          </p>
          {quotas.data.quotas.length > 0 ? (
            <div className="table-wrap">
              <table aria-label={t("quotas.fill")}>
                <thead>
                  <tr>
                    <th>{t("quotas.group")}</th>
                    <th>{quotas.data.unit}</th>
                    <th>{t("quotas.share")}</th>
                    <th>{t("quotas.minimum")}</th>
                    <th>{t("quotas.maximum")}</th>
                    <th>{t("quotas.state")}</th>
                  </tr>
                </thead>
                <tbody>
                  {quotas.data.quotas.map((q) => (
                    <tr key={`${q.field}:${q.value}`}>
                      <td>{t("quotas.groupValue", { field: fieldLabel(q.field, t), value: q.value })}</td>
                      <td>{q.count}</td>
                      <td>{percent(q.share)}</td>
                      <td>{q.minimum ?? t("quotas.none")}</td>
                      <td>{q.maximum ?? t("quotas.none")}</td>
                      <td className={q.fill_state === "full" ? "warning" : undefined}>{t(`quotas.states.${q.fill_state}`)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p className="muted">{t("quotas.empty")}</p>
          )}
          <details>
            <summary>{t("quotas.submissions")}</summary>
            <table aria-label={t("quotas.submissions")}>
              <thead>
                <tr>
                  <th>{t("quotas.field")}</th>
                  <th>{t("quotas.group")}</th>
                  <th>{quotas.data.unit}</th>
                  <th>{t("quotas.share")}</th>
                </tr>
              </thead>
              <tbody>
                {quotas.data.groups.map((g) => (
                  <tr key={`${g.field}:${g.value}`}>
                    <td>{fieldLabel(g.field, t)}</td>
                    <td>{g.value}</td>
                    <td>{g.count}</td>
                    <td>{percent(g.share)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
          <QuotaEditor key={quotas.dataUpdatedAt} activity={activity} objectId={objectId} report={quotas.data} />
        </>
      )}
    </section>
  );
}
