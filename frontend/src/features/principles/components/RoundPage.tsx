import { Trans, useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { DateTime } from "../../../components/DateTime";
import { QuotaPanel } from "../../../components/diversity/QuotaPanel";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { Loading } from "../../../components/Loading";
import { capabilities, hasRole, useMe } from "../../../lib/session";
import { useLiveTallies, useRound } from "../hooks/usePrinciples";
import { ManageRound } from "./ManageRound";
import { percent } from "./percent";
import { ProposalCard } from "./ProposalCard";
import { ProposalForm } from "./ProposalForm";
import { RoundResults } from "./RoundResults";

/** A voting round: proposals to vote and comment on, live tallies after voting, results. */
export function RoundPage() {
  const id = Number(useParams().id);
  const round = useRound(id);
  const { t } = useTranslation("principles");
  const me = useMe().data;
  const canManage = capabilities(me).research;
  const canVote = hasRole(me, "rater") || hasRole(me, "researcher");
  useLiveTallies(round.data);

  if (round.isPending) return <Loading />;
  if (!round.data) return <ErrorMessage error={round.error} />;
  const data = round.data;
  const open = data.status === "open" && new Date(data.closes_at) > new Date();

  return (
    <main className="stack">
      <p>
        <Link to="/principles">{t("allPrinciples")}</Link>
      </p>
      <h1>{data.title}</h1>
      <p>
        <span className={`status status-${data.status}`}>{t(`roundStatuses.${data.status}`)}</span>{" "}
        {open ? t("round.closes") : t("round.closed")} <DateTime value={data.closed_at ?? data.closes_at} />.{" "}
        {t("round.amends", { version: data.base_version })}
        {data.enacted_version !== null && (
          // The tag is <target>, not <link>: Trans parses <link> as HTML's void element, empty.
          <Trans
            t={t}
            i18nKey="round.enacted"
            values={{ enacted: data.enacted_version }}
            components={{ target: <Link to={`/principles/versions/${data.enacted_version}`} /> }}
          />
        )}
        .
      </p>
      <p className="muted">
        {t("round.rule", {
          participants: data.min_participants,
          agreement: percent(data.min_agreement),
          groupAgreement: percent(data.min_group_agreement),
        })}
      </p>
      {canManage && open && <ManageRound round={data} />}
      <ErrorMessage error={round.error} />
      {data.proposals.length === 0 && <p>{t("round.noProposals")}</p>}
      <ul className="cards" aria-label={t("round.proposals")}>
        {data.proposals.map((proposal) => (
          <ProposalCard
            key={proposal.id}
            proposal={proposal}
            open={open}
            canVote={canVote}
            canVeto={canManage && open}
          />
        ))}
      </ul>
      {open && canVote && <ProposalForm round={data.id} />}
      {!open && <RoundResults round={data} showGroups={canManage} />}
      {canManage && <QuotaPanel activity="principles" objectId={data.id} />}
    </main>
  );
}
