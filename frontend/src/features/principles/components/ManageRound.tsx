import { Button, Group, Text } from "@mantine/core";
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
    <Group gap="sm">
      <Button color="red" onClick={() => close.mutate(round.id)} disabled={close.isPending}>
        {t("manage.close")}
      </Button>
      <Button variant="default" onClick={() => draft.mutate(round.id)} disabled={draft.isPending}>
        {t("manage.askProposer")}
      </Button>
      <Button variant="default" onClick={() => aiVotes.mutate(round.id)} disabled={aiVotes.isPending}>
        {t("manage.askJudge")}
      </Button>
      {(draft.isSuccess || aiVotes.isSuccess) && (
        <Text c="dimmed" role="status">
          {t("manage.queued")}
        </Text>
      )}
      <ErrorMessage error={close.error ?? draft.error ?? aiVotes.error} />
    </Group>
  );
}
