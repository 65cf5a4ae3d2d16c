import { Button, Group, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { Loading } from "../../../components/Loading";
import { ShortcutHelp } from "../../../components/ShortcutHelp";
import { formatCount, formatPercent } from "../../../lib/format";
import { useHelpKey } from "../../../lib/keyboard";
import { useMyReliability, useNextItem } from "../hooks/useHazards";
import { SHORTCUTS } from "../hooks/useLabelShortcuts";
import { AttackForm } from "./AttackForm";
import { LabelForm } from "./LabelForm";

function MyReliability() {
  const mine = useMyReliability();
  const { t } = useTranslation("hazards");
  if (!mine.data || mine.data.labels === 0) return null;
  const pct = (x: number | null) => (x === null ? t("notAvailable") : formatPercent(x));
  return (
    <Text c="dimmed" size="sm">
      {t("label.reliability", {
        labels: formatCount(mine.data.labels),
        gold: pct(mine.data.gold_accuracy),
        goldItems: formatCount(mine.data.gold_items),
        agreement: pct(mine.data.agreement),
      })}
    </Text>
  );
}

/** A rater's labelling of one campaign: the next item, then the next, until none is left. */
export function LabelPage() {
  const campaign = Number(useParams().campaign);
  const next = useNextItem(campaign);
  const [help, setHelp] = useState(false);
  const { t } = useTranslation("hazards");
  useHelpKey(() => setHelp((open) => !open));
  const shortcuts = SHORTCUTS.map(([keys, what]) => ({ keys, action: t(`shortcuts.${what}`) }));
  return (
    <Stack component="main" gap="md">
      <Group justify="space-between" wrap="wrap">
        <Title order={1}>{t("label.title")}</Title>
        <Button variant="default" onClick={() => setHelp(true)}>
          {t("label.shortcutsButton")}
        </Button>
      </Group>
      <ShortcutHelp opened={help} onClose={() => setHelp(false)} shortcuts={shortcuts} />
      <MyReliability />
      {next.isPending && <Loading />}
      <ErrorMessage error={next.error} />
      {next.data === null && <Text>{t("label.done")}</Text>}
      {next.data && <LabelForm key={next.data.response} item={next.data} campaign={campaign} paused={help} />}
      <AttackForm campaign={campaign} />
    </Stack>
  );
}
