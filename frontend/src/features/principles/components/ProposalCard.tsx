import { ErrorMessage } from "../../../components/ErrorMessage";
import type { Choice, Proposal } from "../api/principles";
import { useVote } from "../hooks/usePrinciples";
import { ProposalComments } from "./ProposalComments";
import { VetoForm } from "./VetoForm";

const CHOICES: { value: Choice; label: string }[] = [
  { value: "agree", label: "Agree" },
  { value: "disagree", label: "Disagree" },
  { value: "pass", label: "Pass" },
];

/** One proposal: its text, the rater's vote, and (once they voted) the tally and comments. */
export function ProposalCard({
  proposal,
  open,
  canVote,
  canVeto,
}: {
  proposal: Proposal;
  open: boolean;
  canVote: boolean;
  canVeto: boolean;
}) {
  const vote = useVote(proposal.round);
  const heading = `${proposal.action} ${proposal.principle_key}`;
  return (
    <li className="card stack" aria-label={heading}>
      <h2>
        {proposal.action} <code>{proposal.principle_key}</code>
        {proposal.title && `: ${proposal.title}`}
      </h2>
      <p className="muted">
        Proposed by {proposal.author}
        {proposal.ai_authored && <strong> (AI-authored)</strong>}
      </p>
      {proposal.text && <p className="text-block">{proposal.text}</p>}
      <p>
        <em>Why:</em> {proposal.rationale}
      </p>
      {proposal.vetoed && <p className="warning">Vetoed by a researcher: {proposal.veto_reason}</p>}
      {open && canVote && (
        <div className="row" role="group" aria-label={`Your vote on ${heading}`}>
          {CHOICES.map((choice) => (
            <button
              key={choice.value}
              type="button"
              aria-pressed={proposal.my_vote === choice.value}
              disabled={vote.isPending}
              onClick={() => vote.mutate({ proposal: proposal.id, choice: choice.value })}
            >
              {choice.label}
            </button>
          ))}
        </div>
      )}
      <ErrorMessage error={vote.error} />
      {proposal.tally ? (
        <p aria-label="Tally">
          Humans: {proposal.tally.human.agree} agree, {proposal.tally.human.disagree} disagree,{" "}
          {proposal.tally.human.pass} pass.{" "}
          <span className="muted">
            AI (not counted): {proposal.tally.ai.agree} agree, {proposal.tally.ai.disagree} disagree,{" "}
            {proposal.tally.ai.pass} pass.
          </span>
        </p>
      ) : (
        <p className="muted">Vote to see the tally and the comments.</p>
      )}
      {proposal.tally && <ProposalComments proposal={proposal.id} open={open} />}
      {canVeto && !proposal.vetoed && <VetoForm proposal={proposal.id} />}
    </li>
  );
}
