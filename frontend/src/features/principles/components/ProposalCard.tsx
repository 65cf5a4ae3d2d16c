import { Alert, Button, Card, Code, Group, Stack, Text, Title } from "@mantine/core";
import { Trans, useTranslation } from "react-i18next";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { UntrainedModelBadge } from "../../../components/UntrainedModelBadge";
import { formatCount } from "../../../lib/format";
import { useDwellTime } from "../../../lib/useDwellTime";
import type { Choice, Proposal } from "../api/principles";
import { useVote } from "../hooks/usePrinciples";
import { CHOICE_KEY, useVoteKeys } from "../hooks/useVoteShortcuts";
import { ProposalComments } from "./ProposalComments";
import { VetoForm } from "./VetoForm";

const CHOICES: Choice[] = ["agree", "disagree", "pass"];

/** The element id of a proposal's card, which j and k move the focus to. */
export function proposalCardId(proposal: number): string {
  return `proposal-${proposal}`;
}

/** One proposal: its text, the rater's vote, and (once they voted) the tally and comments.
 * The selected card (the one last clicked, focused or reached with j/k) takes the vote keys. */
export function ProposalCard({
  proposal,
  open,
  canVote,
  canVeto,
  selected,
  keysEnabled,
  onSelect,
}: {
  proposal: Proposal;
  open: boolean;
  canVote: boolean;
  canVeto: boolean;
  selected: boolean;
  keysEnabled: boolean;
  onSelect: () => void;
}) {
  const vote = useVote(proposal.round);
  const dwell = useDwellTime(proposal.id);
  const { t } = useTranslation("principles");
  const action = t(`actions.${proposal.action}`);
  const heading = t("proposal.heading", { action, key: proposal.principle_key });
  const votable = open && canVote;

  function cast(choice: Choice) {
    if (vote.isPending) return;
    onSelect();
    vote.mutate({ proposal: proposal.id, choice, dwellMs: dwell() });
  }
  useVoteKeys({ enabled: votable && keysEnabled && selected, vote: cast });

  return (
    <Card
      component="li"
      id={proposalCardId(proposal.id)}
      tabIndex={-1}
      withBorder
      padding="md"
      aria-label={heading}
      aria-current={votable && selected ? "true" : undefined}
      onFocus={onSelect}
      onClick={onSelect}
      style={votable && selected ? { borderColor: "var(--mantine-primary-color-filled)", borderWidth: 2 } : undefined}
    >
      <Stack gap="sm">
        <Title order={2} size="h3" style={{ overflowWrap: "anywhere" }}>
          {action} <Code fz="inherit">{proposal.principle_key}</Code>
          {proposal.title && t("proposal.title", { title: proposal.title })}
        </Title>
        <Text c="dimmed" size="sm">
          {t("proposal.proposedBy", { author: proposal.author })}
          {proposal.ai_authored && <strong>{t("proposal.aiAuthored")}</strong>}
          {proposal.untrained_model && <UntrainedModelBadge />}
        </Text>
        {proposal.text && <Text style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>{proposal.text}</Text>}
        <Text style={{ overflowWrap: "anywhere" }}>
          <Trans t={t} i18nKey="proposal.why" values={{ rationale: proposal.rationale }} components={{ em: <em /> }} />
        </Text>
        {proposal.vetoed && (
          <Alert color="yellow" variant="light">
            {t("proposal.vetoed", { reason: proposal.veto_reason })}
          </Alert>
        )}
        {votable && (
          <Group gap="xs" role="group" aria-label={t("proposal.yourVote", { heading })}>
            {CHOICES.map((choice) => (
              <Button
                key={choice}
                variant={proposal.my_vote === choice ? "filled" : "default"}
                aria-pressed={proposal.my_vote === choice}
                aria-keyshortcuts={CHOICE_KEY[choice]}
                disabled={vote.isPending}
                onClick={() => cast(choice)}
              >
                {t(`proposal.choices.${choice}`)}
              </Button>
            ))}
          </Group>
        )}
        <ErrorMessage error={vote.error} />
        {proposal.tally ? (
          <Text aria-label={t("proposal.tally")}>
            {t("proposal.humans", {
              agree: formatCount(proposal.tally.human.agree ?? 0),
              disagree: formatCount(proposal.tally.human.disagree ?? 0),
              pass: formatCount(proposal.tally.human.pass ?? 0),
            })}{" "}
            <Text span c="dimmed">
              {t("proposal.ai", {
                agree: formatCount(proposal.tally.ai.agree ?? 0),
                disagree: formatCount(proposal.tally.ai.disagree ?? 0),
                pass: formatCount(proposal.tally.ai.pass ?? 0),
              })}
            </Text>
          </Text>
        ) : (
          <Text c="dimmed">{t("proposal.voteToSee")}</Text>
        )}
        {proposal.tally && <ProposalComments proposal={proposal.id} open={open} selected={selected && keysEnabled} />}
        {canVeto && !proposal.vetoed && <VetoForm proposal={proposal.id} />}
      </Stack>
    </Card>
  );
}
