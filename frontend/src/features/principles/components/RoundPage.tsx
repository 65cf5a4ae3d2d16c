import { Anchor, Badge, Button, Group, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { Trans, useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { DateTime } from "../../../components/DateTime";
import { QuotaPanel } from "../../../components/diversity/QuotaPanel";
import { EmptyState } from "../../../components/EmptyState";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { Loading } from "../../../components/Loading";
import { ShortcutHelp } from "../../../components/ShortcutHelp";
import { useHelpKey } from "../../../lib/keyboard";
import { capabilities, hasRole, useMe } from "../../../lib/session";
import { useLiveTallies, useRound } from "../hooks/usePrinciples";
import { SHORTCUTS, useRoundKeys } from "../hooks/useVoteShortcuts";
import { ManageRound } from "./ManageRound";
import { percent } from "./percent";
import { ProposalCard, proposalCardId } from "./ProposalCard";
import { ProposalForm } from "./ProposalForm";
import { RoundResults } from "./RoundResults";

/** A voting round: proposals to vote and comment on, live tallies after voting, results. While
 * it is open, raters can vote from the keyboard (SHORTCUTS; "?" lists them). */
export function RoundPage() {
  const id = Number(useParams().id);
  const round = useRound(id);
  const { t } = useTranslation("principles");
  const me = useMe().data;
  const canManage = capabilities(me).research;
  const canVote = hasRole(me, "rater") || hasRole(me, "researcher");
  const [chosen, setChosen] = useState<number | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  useLiveTallies(round.data);

  const proposals = round.data?.proposals ?? [];
  const open = round.data !== undefined && round.data.status === "open" && new Date(round.data.closes_at) > new Date();
  const keyboard = open && canVote && proposals.length > 0;
  // Until the rater picks one, the keys act on the first proposal they have not voted on.
  const selected =
    proposals.find((p) => p.id === chosen)?.id ??
    proposals.find((p) => p.my_vote === null)?.id ??
    proposals[0]?.id ??
    null;

  function move(step: 1 | -1) {
    const index = proposals.findIndex((p) => p.id === selected);
    const next = proposals[Math.min(proposals.length - 1, Math.max(0, index + step))];
    if (!next) return;
    setChosen(next.id);
    document.getElementById(proposalCardId(next.id))?.focus();
  }
  useRoundKeys({ enabled: keyboard && !helpOpen, move });
  useHelpKey(() => {
    if (keyboard) setHelpOpen((shown) => !shown);
  });

  if (round.isPending) return <Loading />;
  if (!round.data) return <ErrorMessage error={round.error} />;
  const data = round.data;

  return (
    <Stack component="main">
      <Anchor component={Link} to="/principles">
        {t("allPrinciples")}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Title order={1} style={{ overflowWrap: "anywhere" }}>
          {data.title}
        </Title>
        {keyboard && (
          <Button variant="default" onClick={() => setHelpOpen(true)} aria-keyshortcuts="?">
            {t("shortcuts.button")}
          </Button>
        )}
      </Group>
      <Text>
        <Badge variant="light" color={data.status === "open" ? "teal" : "gray"} mr="xs">
          {t(`roundStatuses.${data.status}`)}
        </Badge>
        {open ? t("round.closes") : t("round.closed")} <DateTime value={data.closed_at ?? data.closes_at} />.{" "}
        {t("round.amends", { version: data.base_version })}
        {data.enacted_version !== null && (
          // The tag is <target>, not <link>: Trans parses <link> as HTML's void element, empty.
          <Trans
            t={t}
            i18nKey="round.enacted"
            values={{ enacted: data.enacted_version }}
            components={{ target: <Anchor component={Link} to={`/principles/versions/${data.enacted_version}`} /> }}
          />
        )}
        .
      </Text>
      <Text c="dimmed" size="sm">
        {t("round.rule", {
          participants: data.min_participants,
          agreement: percent(data.min_agreement),
          groupAgreement: percent(data.min_group_agreement),
        })}
      </Text>
      {canManage && open && <ManageRound round={data} />}
      <ErrorMessage error={round.error} />
      {keyboard && (
        <Text c="dimmed" size="sm">
          {t("shortcuts.intro")}
        </Text>
      )}
      {data.proposals.length === 0 ? (
        <EmptyState>{open ? t("round.noProposalsOpen") : t("round.noProposals")}</EmptyState>
      ) : (
        <Stack component="ul" aria-label={t("round.proposals")} m={0} p={0} style={{ listStyle: "none" }}>
          {data.proposals.map((proposal) => (
            <ProposalCard
              key={proposal.id}
              proposal={proposal}
              open={open}
              canVote={canVote}
              canVeto={canManage && open}
              selected={proposal.id === selected}
              keysEnabled={keyboard && !helpOpen}
              onSelect={() => setChosen(proposal.id)}
            />
          ))}
        </Stack>
      )}
      {open && canVote && <ProposalForm round={data.id} />}
      {!open && <RoundResults round={data} showGroups={canManage} />}
      {canManage && <QuotaPanel activity="principles" objectId={data.id} />}
      <ShortcutHelp
        opened={helpOpen}
        onClose={() => setHelpOpen(false)}
        shortcuts={SHORTCUTS.map(([keys, action]) => ({ keys, action: t(`shortcuts.${action}`) }))}
      />
    </Stack>
  );
}
