import { useState } from "react";
import { Link, useParams } from "react-router";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { Loading } from "../../../components/Loading";
import { useLineVersions } from "../hooks/useLoop";
import { figures, percent } from "./metrics";
import { VersionPanel } from "./VersionPanel";

/** Every version of a line side by side on the evaluation figures; pick one to act on it. */
export function LineVersionsPage() {
  const { slug = "" } = useParams();
  const versions = useLineVersions(slug);
  const [selected, setSelected] = useState<number | null>(null);

  return (
    <main className="stack">
      <p>
        <Link to="/training">Training</Link>
      </p>
      <h1>Versions of {slug}</h1>
      {versions.isPending && <Loading />}
      <ErrorMessage error={versions.error} />
      {versions.data && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Version</th>
                <th scope="col">Status</th>
                <th scope="col">Preference acc.</th>
                <th scope="col">LLMBar</th>
                <th scope="col">Hazard rate</th>
                <th scope="col">Constitution</th>
                <th scope="col">Dataset</th>
                <th scope="col" />
              </tr>
            </thead>
            <tbody>
              {versions.data.results.map((v) => {
                const f = figures(v.metrics);
                return (
                  <tr key={v.id}>
                    <th scope="row">
                      v{v.number}
                      {v.parent !== null && <span className="muted"> (from #{v.parent})</span>}
                    </th>
                    <td>
                      <span className={`status status-${v.status}`}>{v.status}</span>
                    </td>
                    <td>{percent(f.preference)}</td>
                    <td>{percent(f.llmbar)}</td>
                    <td>{percent(f.hazard)}</td>
                    <td>{percent(f.constitution)}</td>
                    <td>
                      <code title={v.dataset_hash}>{v.dataset_hash.slice(0, 12) || "—"}</code>
                    </td>
                    <td>
                      <button type="button" onClick={() => setSelected(v.id)} aria-label={`Details of version ${v.number}`}>
                        Details
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {selected !== null && <VersionPanel id={selected} />}
    </main>
  );
}
