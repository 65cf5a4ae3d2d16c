import { useState } from "react";
import { useTranslation } from "react-i18next";
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
  const { t } = useTranslation("principles");

  return (
    <main className="stack">
      <p>
        <Link to="/principles">{t("allPrinciples")}</Link>
      </p>
      <h1>{t("version.title", { number })}</h1>
      {version.isPending && <Loading />}
      <ErrorMessage error={version.error} />
      {version.data && (
        <>
          <p className="muted">
            <DateTime value={version.data.created_at} /> {version.data.summary}
            {version.data.is_current && t("version.inForce")}
          </p>
          <section aria-labelledby="changelog-heading" className="stack">
            <h2 id="changelog-heading">{t("version.changelog")}</h2>
            {version.data.changelog.length === 0 && <p>{t("version.firstVersion")}</p>}
            <ul className="plain-list">
              {version.data.changelog.map(({ proposal, stats }) => (
                <li key={proposal.id}>
                  <strong>
                    {t(`actions.${proposal.action}`)} <code>{proposal.principle_key}</code>
                  </strong>
                  {proposal.ai_authored && <span className="status">{t("version.aiAuthored")}</span>}: {proposal.rationale}{" "}
                  <span className="muted">
                    {t("version.stats", {
                      votes: stats.votes,
                      agree: stats.agree,
                      disagree: stats.disagree,
                      passes: stats.passes,
                      agreement: percent(stats.agreement),
                      weakest: percent(stats.min_group_agreement),
                      consensus: stats.consensus === null ? t("noValue") : stats.consensus.toFixed(3),
                    })}
                  </span>
                </li>
              ))}
            </ul>
          </section>
          {earlier.length > 0 && (
            <section aria-labelledby="diff-heading" className="stack">
              <h2 id="diff-heading">{t("version.changes")}</h2>
              <div className="field">
                <label htmlFor="diff-against">{t("version.compare")}</label>
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
                <ul className="plain-list" aria-label={t("version.differences")}>
                  {diff.data
                    .filter((row) => row.change !== "unchanged")
                    .map((row) => (
                      <li key={row.key}>
                        <strong>
                          {t(`changes.${row.change}`)}: <code>{row.key}</code>
                        </strong>
                        {row.before && (
                          <p>
                            <del>{row.before.text}</del>
                          </p>
                        )}
                        {row.after && (
                          <p>
                            <ins>{row.after.text}</ins>{" "}
                            <span className="muted">({audienceLabel(row.after.audience, t)})</span>
                          </p>
                        )}
                      </li>
                    ))}
                  {diff.data.every((row) => row.change === "unchanged") && <li>{t("version.noDifferences")}</li>}
                </ul>
              )}
            </section>
          )}
          <section aria-labelledby="text-heading" className="stack">
            <h2 id="text-heading">{t("version.text")}</h2>
            <PrincipleList principles={version.data.principles} />
          </section>
        </>
      )}
    </main>
  );
}
