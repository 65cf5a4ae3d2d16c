import { useState } from "react";
import { Link, useParams } from "react-router";
import { DateTime } from "../../../components/DateTime";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { Loading } from "../../../components/Loading";
import { useDiff, useVersion, useVersions } from "../hooks/usePrinciples";
import { percent } from "./percent";
import { audienceLabel, PrincipleList } from "./PrincipleList";

/** One constitution version: its text, a diff against any earlier version, and its changelog. */
export function VersionPage() {
  const number = Number(useParams().number);
  const version = useVersion(Number.isInteger(number) ? number : null);
  const versions = useVersions();
  const earlier = (versions.data ?? []).filter((v) => v.number < number);
  const [against, setAgainst] = useState<number | null>(number > 1 ? number - 1 : null);
  const diff = useDiff(number, against);

  return (
    <main className="stack">
      <p>
        <Link to="/principles">All principles</Link>
      </p>
      <h1>Constitution version {number}</h1>
      {version.isPending && <Loading />}
      <ErrorMessage error={version.error} />
      {version.data && (
        <>
          <p className="muted">
            <DateTime value={version.data.created_at} /> {version.data.summary}
            {version.data.is_current && " (in force)"}
          </p>
          <section aria-labelledby="changelog-heading" className="stack">
            <h2 id="changelog-heading">Changelog</h2>
            {version.data.changelog.length === 0 && <p>The first version: seeded, not voted on.</p>}
            <ul className="plain-list">
              {version.data.changelog.map(({ proposal, stats }) => (
                <li key={proposal.id}>
                  <strong>
                    {proposal.action} <code>{proposal.principle_key}</code>
                  </strong>
                  {proposal.ai_authored && <span className="status"> AI-authored</span>}: {proposal.rationale}{" "}
                  <span className="muted">
                    {stats.votes} human votes ({stats.agree} agree, {stats.disagree} disagree,{" "}
                    {stats.passes} pass); agreement {percent(stats.agreement)}, weakest group{" "}
                    {percent(stats.min_group_agreement)}, group-informed consensus{" "}
                    {stats.consensus === null ? "—" : stats.consensus.toFixed(3)}
                  </span>
                </li>
              ))}
            </ul>
          </section>
          {earlier.length > 0 && (
            <section aria-labelledby="diff-heading" className="stack">
              <h2 id="diff-heading">Changes</h2>
              <div className="field">
                <label htmlFor="diff-against">Compare with version</label>
                <select
                  id="diff-against"
                  value={against ?? ""}
                  onChange={(e) => setAgainst(Number(e.target.value))}
                >
                  {earlier.map((v) => (
                    <option key={v.number} value={v.number}>
                      {v.number}
                    </option>
                  ))}
                </select>
              </div>
              <ErrorMessage error={diff.error} />
              {diff.data && (
                <ul className="plain-list" aria-label="Differences">
                  {diff.data
                    .filter((row) => row.change !== "unchanged")
                    .map((row) => (
                      <li key={row.key}>
                        <strong>
                          {row.change}: <code>{row.key}</code>
                        </strong>
                        {row.before && (
                          <p>
                            <del>{row.before.text}</del>
                          </p>
                        )}
                        {row.after && (
                          <p>
                            <ins>{row.after.text}</ins>{" "}
                            <span className="muted">({audienceLabel(row.after.audience)})</span>
                          </p>
                        )}
                      </li>
                    ))}
                  {diff.data.every((row) => row.change === "unchanged") && <li>No differences.</li>}
                </ul>
              )}
            </section>
          )}
          <section aria-labelledby="text-heading" className="stack">
            <h2 id="text-heading">Text</h2>
            <PrincipleList principles={version.data.principles} />
          </section>
        </>
      )}
    </main>
  );
}
