import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { DateTime } from "../../../components/DateTime";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { Loading } from "../../../components/Loading";
import { Pager } from "../../../components/Pager";
import { useStudies } from "../hooks/useStudies";
import { StartStudyForm } from "./StartStudyForm";
import "./studies.css";

/** Research studies: the list, live, and the form that starts one. */
export function StudiesPage() {
  const [page, setPage] = useState(1);
  const studies = useStudies(page);
  const navigate = useNavigate();
  const { t } = useTranslation("studies");

  return (
    <main className="stack">
      <h1>{t("list.title")}</h1>
      <p className="muted">{t("list.intro")}</p>
      {studies.isPending ? (
        <Loading />
      ) : studies.isError ? (
        <ErrorMessage error={studies.error} />
      ) : studies.data.results.length === 0 ? (
        <p>{t("list.empty")}</p>
      ) : (
        <>
          <table className="study-table">
            <caption>{t("list.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("list.study")}</th>
                <th scope="col">{t("list.kind")}</th>
                <th scope="col">{t("list.status")}</th>
                <th scope="col">{t("progress.label")}</th>
                <th scope="col">{t("list.started")}</th>
              </tr>
            </thead>
            <tbody>
              {studies.data.results.map((study) => (
                <tr key={study.id}>
                  <td>
                    <Link to={`/studies/${study.id}`}>#{study.id}</Link>
                  </td>
                  <td>{study.kind}</td>
                  <td>
                    <span className={`status status-${study.status}`}>{t(`status.${study.status}`)}</span>
                  </td>
                  <td>
                    {t("progress.short", {
                      n: Math.min(study.step_index + 1, study.steps_total),
                      total: study.steps_total,
                      detail: study.message,
                    })}
                  </td>
                  <td>
                    <DateTime value={study.created_at} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager
            label={t("list.pages")}
            page={page}
            hasPrevious={studies.data.previous !== null}
            hasNext={studies.data.next !== null}
            onPage={setPage}
          />
        </>
      )}
      <StartStudyForm onStarted={(study) => void navigate(`/studies/${study.id}`)} />
    </main>
  );
}
