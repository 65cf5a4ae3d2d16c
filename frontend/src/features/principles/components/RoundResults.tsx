import { useTranslation } from "react-i18next";
import { GroupResultsSection } from "../../../components/diversity/GroupResultsSection";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { Loading } from "../../../components/Loading";
import type { GroupField } from "../../../lib/diversity";
import { fetchRoundGroups, principlesKeys, type RoundDetail } from "../api/principles";
import { useAnalysis } from "../hooks/usePrinciples";
import { GroupAgreementBars, OpinionMap } from "./charts";
import { percent } from "./percent";

/** A closed round's outcome: the opinion map, each proposal's votes and verdict, participation;
 * for researchers, support per rater group (consenting profiles, small groups left out). */
export function RoundResults({ round, showGroups }: { round: RoundDetail; showGroups: boolean }) {
  const analysis = useAnalysis(round.id, true);
  const { t } = useTranslation("principles");
  if (analysis.isPending) return <Loading />;
  if (!analysis.data) return <ErrorMessage error={analysis.error} />;
  const data = analysis.data;
  const labels = Object.fromEntries(round.proposals.map((p, i) => [p.id, t("results.proposalLabel", { n: i + 1 })]));
  const background = Object.entries(data.participation.by_background);
  return (
    <section aria-labelledby="results-heading" className="stack">
      <h2 id="results-heading">{t("results.title")}</h2>
      <p>
        {t("results.voters", { humans: data.participation.human_voters, ai: data.participation.ai_voters })}{" "}
        {data.version !== null ? t("results.enacted", { version: data.version }) : t("results.noChange")}
      </p>
      {data.groups && data.groups.voters.length > 0 && (
        <figure>
          <OpinionMap groups={data.groups} labels={labels} />
          <figcaption className="muted">
            {t("results.groups", { count: data.groups.k })}
            {data.groups.silhouette !== null && t("results.silhouette", { value: data.groups.silhouette.toFixed(2) })}
            {t("results.mapHelp")}
          </figcaption>
        </figure>
      )}
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("results.columns.proposal")}</th>
              <th scope="col">{t("results.columns.humanVotes")}</th>
              <th scope="col">{t("results.columns.agreement")}</th>
              <th scope="col">{t("results.columns.perGroup")}</th>
              <th scope="col">{t("results.columns.consensus")}</th>
              <th scope="col">{t("results.columns.ai")}</th>
              <th scope="col">{t("results.columns.outcome")}</th>
            </tr>
          </thead>
          <tbody>
            {round.proposals.map((p) => {
              const stats = data.proposals[String(p.id)];
              if (!stats) return null;
              return (
                <tr key={p.id}>
                  <th scope="row">
                    {labels[p.id]} {t(`actions.${p.action}`)} <code>{p.principle_key}</code>
                  </th>
                  <td>
                    {stats.votes} ({stats.agree}/{stats.disagree}/{stats.passes})
                  </td>
                  <td>{percent(stats.agreement)}</td>
                  <td>
                    <GroupAgreementBars groupAgreement={stats.group_agreement} threshold={round.min_group_agreement} />
                  </td>
                  <td>{stats.consensus === null ? t("noValue") : stats.consensus.toFixed(3)}</td>
                  <td>
                    {stats.ai.agree ?? 0}/{stats.ai.disagree ?? 0}/{stats.ai.pass ?? 0}
                  </td>
                  <td>{stats.passed ? t("results.passed") : t("results.notPassed", { reason: stats.reason })}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {showGroups && (
        <GroupResultsSection
          title={t("results.groupSupport")}
          queryKey={principlesKeys.groups(round.id)}
          fetch={(by: GroupField) => fetchRoundGroups(round.id, by)}
          labels={Object.fromEntries(round.proposals.map((p) => [`proposal ${p.id}`, labels[p.id] ?? ""]))}
        />
      )}
      <h3>{t("results.participation")}</h3>
      <p className="muted">
        {t("results.withProfile", { with: data.participation.with_profile, humans: data.participation.human_voters })}
      </p>
      {background.length > 0 && (
        <dl>
          {background.map(([field, counts]) => (
            <div key={field}>
              <dt>{field.replace("_", " ")}</dt>
              <dd>
                {Object.entries(counts)
                  .map(([value, count]) => t("results.count", { value, count }))
                  .join(", ")}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
