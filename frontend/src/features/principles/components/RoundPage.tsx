import { Link, useParams } from "react-router";
import { DateTime } from "../../../components/DateTime";
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
        <Link to="/principles">All principles</Link>
      </p>
      <h1>{data.title}</h1>
      <p>
        <span className={`status status-${data.status}`}>{data.status}</span>{" "}
        {open ? "Closes" : "Closed"} <DateTime value={data.closed_at ?? data.closes_at} />. Amends
        version {data.base_version}
        {data.enacted_version !== null && (
          <>
            {" "}
            and enacted{" "}
            <Link to={`/principles/versions/${data.enacted_version}`}>version {data.enacted_version}</Link>
          </>
        )}
        .
      </p>
      <p className="muted">
        Rule: a proposal passes with at least {data.min_participants} human votes,{" "}
        {percent(data.min_agreement)} of them agreeing (more agrees than disagrees), and at least{" "}
        {percent(data.min_group_agreement)} agreeing in every opinion group. AI votes are shown apart
        and never count.
      </p>
      {canManage && open && <ManageRound round={data} />}
      <ErrorMessage error={round.error} />
      {data.proposals.length === 0 && <p>No proposals yet.</p>}
      <ul className="cards" aria-label="Proposals">
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
      {!open && <RoundResults round={data} />}
    </main>
  );
}
