import { ErrorMessage } from "../../../components/ErrorMessage";
import { Loading } from "../../../components/Loading";
import type { RoundDetail } from "../api/principles";
import { useAnalysis } from "../hooks/usePrinciples";
import { GroupAgreementBars, OpinionMap } from "./charts";
import { percent } from "./percent";

/** A closed round's outcome: the opinion map, each proposal's votes and verdict, participation. */
export function RoundResults({ round }: { round: RoundDetail }) {
  const analysis = useAnalysis(round.id, true);
  if (analysis.isPending) return <Loading />;
  if (!analysis.data) return <ErrorMessage error={analysis.error} />;
  const data = analysis.data;
  const labels = Object.fromEntries(round.proposals.map((p, i) => [p.id, `P${i + 1}`]));
  const background = Object.entries(data.participation.by_background);
  return (
    <section aria-labelledby="results-heading" className="stack">
      <h2 id="results-heading">Results</h2>
      <p>
        {data.participation.human_voters} human voters, {data.participation.ai_voters} AI voters.{" "}
        {data.version !== null ? `Enacted version ${data.version}.` : "No change was enacted."}
      </p>
      {data.groups && data.groups.voters.length > 0 && (
        <figure>
          <OpinionMap groups={data.groups} labels={labels} />
          <figcaption className="muted">
            {data.groups.k} opinion group(s)
            {data.groups.silhouette !== null && `, silhouette ${data.groups.silhouette.toFixed(2)}`}.
            Dots are voters, squares proposals (P1, P2, ...).
          </figcaption>
        </figure>
      )}
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Proposal</th>
              <th scope="col">Human votes</th>
              <th scope="col">Agreement</th>
              <th scope="col">Per group</th>
              <th scope="col">Consensus</th>
              <th scope="col">AI (not counted)</th>
              <th scope="col">Outcome</th>
            </tr>
          </thead>
          <tbody>
            {round.proposals.map((p) => {
              const stats = data.proposals[String(p.id)];
              if (!stats) return null;
              return (
                <tr key={p.id}>
                  <th scope="row">
                    {labels[p.id]} {p.action} <code>{p.principle_key}</code>
                  </th>
                  <td>
                    {stats.votes} ({stats.agree}/{stats.disagree}/{stats.passes})
                  </td>
                  <td>{percent(stats.agreement)}</td>
                  <td>
                    <GroupAgreementBars groupAgreement={stats.group_agreement} threshold={round.min_group_agreement} />
                  </td>
                  <td>{stats.consensus === null ? "—" : stats.consensus.toFixed(3)}</td>
                  <td>
                    {stats.ai.agree ?? 0}/{stats.ai.disagree ?? 0}/{stats.ai.pass ?? 0}
                  </td>
                  <td>{stats.passed ? "Passed" : `Not passed: ${stats.reason}`}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <h3>Participation by background</h3>
      <p className="muted">
        {data.participation.with_profile} of {data.participation.human_voters} voters share a background
        profile.
      </p>
      {background.length > 0 && (
        <dl>
          {background.map(([field, counts]) => (
            <div key={field}>
              <dt>{field.replace("_", " ")}</dt>
              <dd>
                {Object.entries(counts)
                  .map(([value, count]) => `${value}: ${count}`)
                  .join(", ")}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
