import { Link, useSearchParams } from "react-router";
import { DateTime } from "../../../components/DateTime";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { Loading } from "../../../components/Loading";
import { Pager, parsePage } from "../../../components/Pager";
import { useSnapshots } from "../hooks/useLoop";

function mixText(mix: Record<string, number>): string {
  const parts = Object.entries(mix).map(([group, share]) => `${group} ${(share * 100).toFixed(0)}%`);
  return parts.length ? parts.join(", ") : "—";
}

/** Dataset snapshots: what each was built from, its counts and achieved mix, its files. */
export function SnapshotsPage() {
  const [params, setParams] = useSearchParams();
  const page = parsePage(params.get("page"));
  const snapshots = useSnapshots(page);

  return (
    <main className="stack">
      <p>
        <Link to="/training">Training</Link>
      </p>
      <h1>Dataset snapshots</h1>
      {snapshots.isPending && <Loading />}
      <ErrorMessage error={snapshots.error} />
      {snapshots.data && snapshots.data.results.length === 0 && <p>No snapshots yet.</p>}
      {snapshots.data && snapshots.data.results.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Hash</th>
                <th scope="col">Status</th>
                <th scope="col">Line</th>
                <th scope="col">Format</th>
                <th scope="col">Signals</th>
                <th scope="col">Train / eval rows</th>
                <th scope="col">Achieved mix</th>
                <th scope="col">Created</th>
                <th scope="col">Files</th>
              </tr>
            </thead>
            <tbody>
              {snapshots.data.results.map((s) => (
                <tr key={s.id}>
                  <th scope="row">
                    {s.content_hash ? <code title={s.content_hash}>{s.content_hash.slice(0, 12)}</code> : `#${s.id}`}
                  </th>
                  <td>
                    <span className={`status status-${s.status}`} title={s.error || undefined}>
                      {s.status}
                    </span>
                  </td>
                  <td>{s.line ?? "—"}</td>
                  <td>{s.format}</td>
                  <td>{s.signal_count}</td>
                  <td>
                    {s.counts.train ?? 0} / {s.counts.eval ?? 0}
                  </td>
                  <td>{mixText(s.mix)}</td>
                  <td>
                    <DateTime value={s.created_at} />
                  </td>
                  <td>
                    {s.status === "ready" && (
                      <>
                        <a href={`/api/loop/snapshots/${s.id}/download/?split=train`}>train.jsonl</a>{" "}
                        <a href={`/api/loop/snapshots/${s.id}/download/?split=eval`}>eval.jsonl</a>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {snapshots.data && (
        <Pager
          label="Snapshot pages"
          page={page}
          hasPrevious={snapshots.data.previous != null}
          hasNext={snapshots.data.next != null}
          onPage={(next) => setParams({ page: String(next) })}
        />
      )}
    </main>
  );
}
