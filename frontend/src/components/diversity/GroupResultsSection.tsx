import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { GROUP_FIELDS, percent, type GroupField, type GroupResults } from "../../lib/diversity";
import { ErrorMessage } from "../ErrorMessage";
import { Loading } from "../Loading";
import "./diversity.css";

type Props = {
  /** The query key of this page's per-group results; the field is appended. */
  queryKey: readonly unknown[];
  fetch: (by: GroupField) => Promise<GroupResults>;
  /** Measure name -> column heading ("accuracy" -> "Judge accuracy"). */
  labels: Record<string, string>;
  title: string;
};

/** One table of per-group rates with Wilson intervals; suppressed measures say so. */
export function GroupResultsTable({ report, labels, title }: { report: GroupResults; labels: Record<string, string>; title: string }) {
  const measures = report.groups[0]?.measures.map((m) => m.measure) ?? [];
  const { t } = useTranslation("diversity");
  return (
    <div className="table-wrap">
      <table aria-label={title}>
        <thead>
          <tr>
            <th>{t("results.group")}</th>
            <th>{t("results.raters")}</th>
            {measures.map((name) => (
              <th key={name}>{labels[name] ?? name}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {report.groups.map((row) => (
            <tr key={row.group}>
              <td>{row.group}</td>
              <td>{row.raters}</td>
              {row.measures.map((m) => (
                <td key={m.measure}>
                  {m.suppressed
                    ? t("results.tooFew")
                    : t("results.rate", {
                        rate: percent(m.rate),
                        low: percent(m.low),
                        high: percent(m.high),
                        successes: m.successes,
                        n: m.n,
                      })}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function GroupChart({ report, labels }: { report: GroupResults; labels: Record<string, string> }) {
  const holder = useRef<HTMLDivElement>(null);
  const { t } = useTranslation("diversity");
  useEffect(() => {
    // Observable Plot (and d3) load with the first chart, not with the app.
    let chart: Element | null = null;
    let unmounted = false;
    void import("./groupChart").then(({ groupChartOf }) => {
      if (unmounted) return;
      chart = groupChartOf(report, labels, t);
      holder.current?.replaceChildren(chart);
    });
    return () => {
      unmounted = true;
      chart?.remove();
    };
  }, [report, labels, t]);
  return <div ref={holder} className="group-chart" />;
}

/** Results per rater group on an analytics page: the researcher picks the background field;
 * only consenting raters count, and groups under the minimum size are left out. */
export function GroupResultsSection({ queryKey, fetch, labels, title }: Props) {
  const [by, setBy] = useState<GroupField>("region");
  const results = useQuery({ queryKey: [...queryKey, by], queryFn: () => fetch(by) });
  const report = results.data;
  const { t } = useTranslation("diversity");
  return (
    <section className="stack" aria-label={title}>
      <h2>{title}</h2>
      <label className="field">
        {t("results.groupBy")}
        <select value={by} onChange={(e) => setBy(e.target.value as GroupField)}>
          {GROUP_FIELDS.map((f) => (
            <option key={f.value} value={f.value}>
              {t(`fields.${f.value}`)}
            </option>
          ))}
        </select>
      </label>
      {results.isPending && <Loading />}
      <ErrorMessage error={results.error} />
      {report && (
        <>
          {report.groups.length > 0 ? (
            <>
              <GroupResultsTable report={report} labels={labels} title={title} />
              <GroupChart report={report} labels={labels} />
            </>
          ) : (
            <p className="muted">{t("results.noGroup", { size: report.min_group_size })}</p>
          )}
          <p className="muted">
            {t("results.consent", {
              size: report.min_group_size,
              suppressed: report.suppressed_groups,
              left: report.raters_left_out,
            })}
          </p>
        </>
      )}
    </section>
  );
}
