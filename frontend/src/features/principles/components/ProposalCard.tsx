import { Trans, useTranslation } from "react-i18next";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { UntrainedModelBadge } from "../../../components/UntrainedModelBadge";
import { useDwellTime } from "../../../lib/useDwellTime";
import type { Choice, Proposal } from "../api/principles";
import { useVote } from "../hooks/usePrinciples";
import { ProposalComments } from "./ProposalComments";
import { VetoForm } from "./VetoForm";

const CHOICES: Choice[] = ["agree", "disagree", "pass"];

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
  const dwell = useDwellTime(proposal.id);
  const { t } = useTranslation("principles");
  const action = t(`actions.${proposal.action}`);
  const heading = t("proposal.heading", { action, key: proposal.principle_key });
  return (
    <li className="card stack" aria-label={heading}>
      <h2>
        {action} <code>{proposal.principle_key}</code>
        {proposal.title && t("proposal.title", { title: proposal.title })}
      </h2>
      <p className="muted">
        {t("proposal.proposedBy", { author: proposal.author })}
        {proposal.ai_authored && <strong>{t("proposal.aiAuthored")}</strong>}
        {proposal.untrained_model && <UntrainedModelBadge />}
      </p>
      {proposal.text && <p className="text-block">{proposal.text}</p>}
      <p>
        <Trans t={t} i18nKey="proposal.why" values={{ rationale: proposal.rationale }} components={{ em: <em /> }} />
      </p>
      {proposal.vetoed && <p className="warning">{t("proposal.vetoed", { reason: proposal.veto_reason })}</p>}
      {open && canVote && (
        <div className="row" role="group" aria-label={t("proposal.yourVote", { heading })}>
          {CHOICES.map((choice) => (
            <button
              key={choice}
              type="button"
              aria-pressed={proposal.my_vote === choice}
              disabled={vote.isPending}
              onClick={() => vote.mutate({ proposal: proposal.id, choice, dwellMs: dwell() })}
            >
              {t(`proposal.choices.${choice}`)}
            </button>
          ))}
        </div>
      )}
      <ErrorMessage error={vote.error} />
      {proposal.tally ? (
        <p aria-label={t("proposal.tally")}>
          {t("proposal.humans", {
            agree: proposal.tally.human.agree,
            disagree: proposal.tally.human.disagree,
            pass: proposal.tally.human.pass,
          })}{" "}
          <span className="muted">
            {t("proposal.ai", {
              agree: proposal.tally.ai.agree,
              disagree: proposal.tally.ai.disagree,
              pass: proposal.tally.ai.pass,
            })}
          </span>
        </p>
      ) : (
        <p className="muted">{t("proposal.voteToSee")}</p>
      )}
      {proposal.tally && <ProposalComments proposal={proposal.id} open={open} />}
      {canVeto && !proposal.vetoed && <VetoForm proposal={proposal.id} />}
    </li>
  );
}
