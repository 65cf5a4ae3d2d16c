import { Link, useNavigate, useSearchParams } from "react-router";
import { DateTime } from "../../../components/DateTime";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { Loading } from "../../../components/Loading";
import { Pager, parsePage } from "../../../components/Pager";
import { capabilities, useMe } from "../../../lib/session";
import { useLines, useRuns } from "../hooks/useLoop";
import { StartRunForm } from "./StartRunForm";

/** Runs of the retraining loop; admins start new ones here. */
export function TrainingPage() {
  const [params, setParams] = useSearchParams();
  const page = parsePage(params.get("page"));
  const runs = useRuns(page);
  const lines = useLines();
  const navigate = useNavigate();
  const canTrain = capabilities(useMe().data).publish;

  return (
    <main className="stack">
      <h1>Training</h1>
      <nav aria-label="Training" className="row">
        <Link to="/training/snapshots">Dataset snapshots</Link>
        {lines.data?.results.map((line) => (
          <Link key={line.slug} to={`/training/lines/${line.slug}`}>
            Compare {line.name} versions
          </Link>
        ))}
      </nav>
      {canTrain && <StartRunForm onStarted={(run) => navigate(`/training/runs/${run.id}`)} />}
      <section aria-labelledby="runs-heading" className="stack">
        <h2 id="runs-heading">Runs</h2>
        {runs.isPending && <Loading />}
        <ErrorMessage error={runs.error} />
        {runs.data && runs.data.results.length === 0 && <p>No runs yet.</p>}
        {runs.data && runs.data.results.length > 0 && (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Run</th>
                  <th scope="col">Line</th>
                  <th scope="col">Recipe</th>
                  <th scope="col">Status</th>
                  <th scope="col">Progress</th>
                  <th scope="col">New version</th>
                  <th scope="col">Started</th>
                </tr>
              </thead>
              <tbody>
                {runs.data.results.map((run) => (
                  <tr key={run.id}>
                    <th scope="row">
                      <Link to={`/training/runs/${run.id}`}>#{run.id}</Link>
                    </th>
                    <td>{run.line}</td>
                    <td>{run.recipe}</td>
                    <td>
                      <span className={`status status-${run.status}`}>{run.status}</span>
                    </td>
                    <td>
                      {run.step} / {run.total_steps || "?"}
                    </td>
                    <td>{run.version_number ?? "—"}</td>
                    <td>
                      <DateTime value={run.started_at} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {runs.data && (
          <Pager
            label="Run pages"
            page={page}
            hasPrevious={runs.data.previous != null}
            hasNext={runs.data.next != null}
            onPage={(next) => setParams({ page: String(next) })}
          />
        )}
      </section>
    </main>
  );
}
