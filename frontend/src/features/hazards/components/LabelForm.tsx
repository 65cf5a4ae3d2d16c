import { Alert, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useRef, useState } from "react";
import { Trans, useTranslation } from "react-i18next";
import { ErrorMessage, FieldErrors } from "../../../components/ErrorMessage";
import { UntrainedModelBadge } from "../../../components/UntrainedModelBadge";
import { useUnsavedGuard } from "../../../lib/useUnsavedGuard";
import type { LabelItem } from "../api/hazards";
import { useLabelForm } from "../hooks/useLabelForm";
import { useLabelShortcuts } from "../hooks/useLabelShortcuts";
import { HighlightedText, selectedSpan } from "./HighlightedText";
import { CategoriesField, RewriteField, SeverityField, SpansField, VerdictField } from "./LabelFields";
import { SkipForm } from "./SkipForm";
import { WRAP } from "./wrapText";

function ContentWarning({ onReveal }: { onReveal: () => void }) {
  const { t } = useTranslation("hazards");
  return (
    <Alert color="orange" variant="light">
      <Stack gap="sm" align="flex-start">
        <Text size="sm">
          <Trans t={t} i18nKey="label.warning" components={{ strong: <strong /> }} />
        </Text>
        <Button onClick={onReveal} autoFocus>
          {t("label.reveal")}
        </Button>
      </Stack>
    </Alert>
  );
}

/** One item to label: hidden behind a content warning until the rater asks to see it. */
export function LabelForm({
  item,
  campaign,
  paused = false,
}: {
  item: LabelItem;
  campaign: number;
  /** While the shortcut list covers the page, its keys do nothing behind it. */
  paused?: boolean;
}) {
  const [revealed, setRevealed] = useState(false);
  const [skipping, setSkipping] = useState(false);
  const { t } = useTranslation("hazards");
  const form = useLabelForm(item, campaign);
  const textRef = useRef<HTMLPreElement>(null);
  const rewriteRef = useRef<HTMLTextAreaElement>(null);
  useUnsavedGuard(form.unsaved);

  function markSelection() {
    const span = textRef.current ? selectedSpan(textRef.current) : null;
    if (span) form.addSpan(span);
    window.getSelection()?.removeAllRanges();
  }

  useLabelShortcuts({
    paused,
    revealed,
    reveal: () => setRevealed(true),
    form,
    codes: item.taxonomy.categories.map((c) => c.code),
    markSelection,
    focusRewrite: () => rewriteRef.current?.focus(),
    startSkipping: () => setSkipping(true),
  });

  return (
    <Stack component="section" aria-label={t("label.item")} gap="md">
      {/* Side by side from md up; stacked (prompt first) on a phone. */}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Paper withBorder p="md" miw={0}>
          <Stack gap="xs">
            <Title order={2} size="h4">
              {t("label.prompt")} {item.prompt_untrained_model && <UntrainedModelBadge />}
            </Title>
            <Text component="pre" ff="monospace" size="sm" style={WRAP}>
              {item.prompt}
            </Text>
          </Stack>
        </Paper>
        <Paper withBorder p="md" miw={0}>
          <Stack gap="xs">
            <Title order={2} size="h4">
              {t("label.response")} {item.untrained_model && <UntrainedModelBadge />}
            </Title>
            {revealed ? (
              <HighlightedText ref={textRef} text={item.text} spans={form.spans} />
            ) : (
              <ContentWarning onReveal={() => setRevealed(true)} />
            )}
          </Stack>
        </Paper>
      </SimpleGrid>
      <Paper withBorder p="md">
        <Stack gap="md">
          {revealed && (
            <>
              <VerdictField form={form} />
              <CategoriesField form={form} taxonomy={item.taxonomy} />
              <SeverityField form={form} taxonomy={item.taxonomy} />
              <SpansField form={form} />
              <RewriteField ref={rewriteRef} form={form} />
              <ErrorMessage error={form.error} />
              <FieldErrors id="label-errors" messages={form.otherErrors} />
            </>
          )}
          <Group gap="sm">
            {revealed && (
              <Button onClick={form.send} disabled={!form.canSend}>
                {t("label.submit")}
              </Button>
            )}
            {!skipping && (
              <Button variant="default" onClick={() => setSkipping(true)}>
                {t("label.skip")}
              </Button>
            )}
          </Group>
          {skipping && <SkipForm response={item.response} campaign={campaign} />}
        </Stack>
      </Paper>
    </Stack>
  );
}
