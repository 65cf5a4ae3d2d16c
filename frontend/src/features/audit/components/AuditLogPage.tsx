import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { Loading } from "../../../components/Loading";
import { Pager, parsePage } from "../../../components/Pager";
import { formatCount, formatDateTime } from "../../../lib/format";
import { AUDIT_ACTIONS, type AuditAction, type AuditFilters } from "../api/audit";
import { useAudit } from "../hooks/useAudit";

function isAction(value: string | null): value is AuditAction {
  return value !== null && value in AUDIT_ACTIONS;
}

/** The filters live in the address (?action=&actor=&since=&until=&page=), so a view can be shared. */
function filtersFrom(params: URLSearchParams): AuditFilters {
  const action = params.get("action");
  return {
    action: isAction(action) ? action : "",
    actor: params.get("actor") ?? "",
    since: params.get("since") ?? "",
    until: params.get("until") ?? "",
    page: parsePage(params.get("page")),
  };
}

function toParams(filters: AuditFilters): Record<string, string> {
  const entries = Object.entries(filters).filter(([key, value]) => value !== "" && !(key === "page" && value === 1));
  return Object.fromEntries(entries.map(([key, value]) => [key, String(value)]));
}

/** One log of consequential actions across the platform, filtered by action, person and dates. */
export function AuditLogPage() {
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const log = useAudit(filters);
  const { t } = useTranslation("audit");
  const [draft, setDraft] = useState(filters);

  function apply(event: FormEvent) {
    event.preventDefault();
    setParams(toParams({ ...draft, page: 1 }));
  }

  return (
    <main className="stack">
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <form onSubmit={apply} className="row" aria-label={t("filters.label")}>
        <label className="field">
          {t("filters.action")}
          <select
            value={draft.action}
            onChange={(e) => setDraft({ ...draft, action: isAction(e.target.value) ? e.target.value : "" })}
          >
            <option value="">{t("filters.everyAction")}</option>
            {Object.entries(AUDIT_ACTIONS).map(([value, label]) => (
              <option key={value} value={value}>
                {t(`actions.${label}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          {t("filters.actor")}
          <input value={draft.actor} onChange={(e) => setDraft({ ...draft, actor: e.target.value.trim() })} />
        </label>
        <label className="field">
          {t("filters.since")}
          <input type="date" value={draft.since} onChange={(e) => setDraft({ ...draft, since: e.target.value })} />
        </label>
        <label className="field">
          {t("filters.until")}
          <input type="date" value={draft.until} onChange={(e) => setDraft({ ...draft, until: e.target.value })} />
        </label>
        <div>
          <button type="submit">{t("filters.apply")}</button>
        </div>
      </form>
      {log.isPending && <Loading />}
      <ErrorMessage error={log.error} />
      {log.data && (
        <p className="muted">{t("count", { count: log.data.count, formatted: formatCount(log.data.count) })}</p>
      )}
      {log.data && log.data.results.length === 0 && <p>{t("empty")}</p>}
      {log.data && log.data.results.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("columns.at")}</th>
                <th scope="col">{t("columns.actor")}</th>
                <th scope="col">{t("columns.action")}</th>
                <th scope="col">{t("columns.summary")}</th>
                <th scope="col">{t("columns.object")}</th>
              </tr>
            </thead>
            <tbody>
              {log.data.results.map((entry) => (
                <tr key={entry.id}>
                  <td>
                    <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
                  </td>
                  <td>{entry.actor ?? <span className="muted">{t("platform")}</span>}</td>
                  <td>{t(`actions.${AUDIT_ACTIONS[entry.action]}`)}</td>
                  <td>{entry.summary}</td>
                  <td>
                    <code>
                      {entry.object_type}
                      {entry.object_id && ` ${entry.object_id}`}
                    </code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {log.data && (
        <Pager
          label={t("pages")}
          page={filters.page}
          hasPrevious={log.data.previous != null}
          hasNext={log.data.next != null}
          onPage={(page) => setParams(toParams({ ...filters, page }))}
        />
      )}
    </main>
  );
}
