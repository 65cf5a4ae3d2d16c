import { useState } from "react";
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

  return (
    <main className="stack">
      <h1>Studies</h1>
      <p className="muted">
        Experiments from the ACCO paper, run through the platform's own snapshots, training runs and
        registry, each ending in a stored report.
      </p>
      {studies.isPending ? (
        <Loading />
      ) : studies.isError ? (
        <ErrorMessage error={studies.error} />
      ) : studies.data.results.length === 0 ? (
        <p>No studies yet.</p>
      ) : (
        <>
          <table className="study-table">
            <caption>Studies, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Study</th>
                <th scope="col">Kind</th>
                <th scope="col">Status</th>
                <th scope="col">Progress</th>
                <th scope="col">Started</th>
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
                    <span className={`status status-${study.status}`}>{study.status}</span>
                  </td>
                  <td>
                    step {Math.min(study.step_index + 1, study.steps_total)} of {study.steps_total}: {study.message}
                  </td>
                  <td>
                    <DateTime value={study.created_at} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager
            label="Studies pages"
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
