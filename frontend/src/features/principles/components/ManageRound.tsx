import { ErrorMessage } from "../../../components/ErrorMessage";
import type { RoundDetail } from "../api/principles";
import { useCloseRound, useRequestAIProposal, useRequestAIVotes } from "../hooks/usePrinciples";

/** A researcher's controls of an open round: close it, ask the AI proposer or the AI judge. */
export function ManageRound({ round }: { round: RoundDetail }) {
  const close = useCloseRound();
  const draft = useRequestAIProposal();
  const aiVotes = useRequestAIVotes();
  return (
    <div className="row">
      <button type="button" onClick={() => close.mutate(round.id)} disabled={close.isPending}>
        Close round now
      </button>
      <button type="button" onClick={() => draft.mutate(round.id)} disabled={draft.isPending}>
        Ask the AI proposer
      </button>
      <button type="button" onClick={() => aiVotes.mutate(round.id)} disabled={aiVotes.isPending}>
        Ask the AI judge to vote
      </button>
      {(draft.isSuccess || aiVotes.isSuccess) && (
        <span className="muted">Queued: AI contributions appear when the model has answered.</span>
      )}
      <ErrorMessage error={close.error ?? draft.error ?? aiVotes.error} />
    </div>
  );
}
