import { useTranslation } from "react-i18next";
import { ErrorMessage } from "../../../components/ErrorMessage";
import type { RoundDetail } from "../api/principles";
import { useCloseRound, useRequestAIProposal, useRequestAIVotes } from "../hooks/usePrinciples";

/** A researcher's controls of an open round: close it, ask the AI proposer or the AI judge. */
export function ManageRound({ round }: { round: RoundDetail }) {
  const close = useCloseRound();
  const { t } = useTranslation("principles");
  const draft = useRequestAIProposal();
  const aiVotes = useRequestAIVotes();
  return (
    <div className="row">
      <button type="button" onClick={() => close.mutate(round.id)} disabled={close.isPending}>
        {t("manage.close")}
      </button>
      <button type="button" onClick={() => draft.mutate(round.id)} disabled={draft.isPending}>
        {t("manage.askProposer")}
      </button>
      <button type="button" onClick={() => aiVotes.mutate(round.id)} disabled={aiVotes.isPending}>
        {t("manage.askJudge")}
      </button>
      {(draft.isSuccess || aiVotes.isSuccess) && (
        <span className="muted">{t("manage.queued")}</span>
      )}
      <ErrorMessage error={close.error ?? draft.error ?? aiVotes.error} />
    </div>
  );
}
