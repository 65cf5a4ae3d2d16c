import { Button, Group, Input, NativeSelect, NumberInput, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { ApiError } from "../../../lib/api/errors";
import { useImportPrompts, useRequestAttacks, useTaxonomies } from "../hooks/useSetup";

function ImportForm({ campaign }: { campaign: number }) {
  const upload = useImportPrompts(campaign);
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<"prompts" | "ailuminate">("prompts");
  const { t } = useTranslation("hazards");
  const fileErrors = upload.error instanceof ApiError ? upload.error.fieldErrors("file") : [];
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (file) upload.mutate({ file, format });
      }}
    >
      <Stack gap="sm">
        <Input.Wrapper
          id={`import-${campaign}-file`}
          label={t("sources.file")}
          error={fileErrors.length > 0 ? fileErrors.join(" ") : undefined}
        >
          {/* A native file input: keyboard, screen readers and browser tests pick files with it. */}
          <input
            id={`import-${campaign}-file`}
            type="file"
            accept=".csv,.jsonl"
            aria-describedby={fileErrors.length > 0 ? `import-${campaign}-file-error` : undefined}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            style={{ display: "block", maxWidth: "100%", marginTop: "var(--mantine-spacing-xs)" }}
          />
        </Input.Wrapper>
        <NativeSelect
          label={t("sources.format")}
          value={format}
          onChange={(e) => setFormat(e.currentTarget.value as "prompts" | "ailuminate")}
        >
          <option value="prompts">{t("sources.formatPrompts")}</option>
          <option value="ailuminate">{t("sources.formatAiluminate")}</option>
        </NativeSelect>
        <Group gap="sm">
          <Button type="submit" variant="light" disabled={file === null || upload.isPending}>
            {t("sources.import")}
          </Button>
          {upload.isSuccess && (
            <Text size="sm" c="dimmed">
              {t("sources.imported", { n: upload.data })}
            </Text>
          )}
        </Group>
        <ErrorMessage error={upload.error} />
      </Stack>
    </form>
  );
}

function AttackerForm({ campaign, taxonomyNumber }: { campaign: number; taxonomyNumber: number | undefined }) {
  const taxonomies = useTaxonomies();
  const attack = useRequestAttacks(campaign);
  const [chosen, setChosen] = useState("");
  const [count, setCount] = useState(4);
  const { t } = useTranslation("hazards");
  // The campaign's own taxonomy version, whose codes the attacks are filed under.
  const categories = taxonomies.data?.find((taxonomy) => taxonomy.number === taxonomyNumber)?.categories ?? [];
  const category = chosen || categories[0]?.code || "";
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        attack.mutate({ category, count });
      }}
    >
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <NativeSelect label={t("sources.attackerCategory")} value={category} onChange={(e) => setChosen(e.currentTarget.value)}>
            {categories.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </NativeSelect>
          <NumberInput
            label={t("sources.count")}
            min={1}
            max={20}
            allowDecimal={false}
            value={count}
            onChange={(value) => setCount(Number(value))}
          />
        </SimpleGrid>
        <Group gap="sm">
          <Button type="submit" variant="light" disabled={!category || attack.isPending}>
            {t("sources.generate")}
          </Button>
          {attack.isSuccess && (
            <Text size="sm" c="dimmed">
              {t("sources.queued")}
            </Text>
          )}
        </Group>
        <ErrorMessage error={attack.error} />
      </Stack>
    </form>
  );
}

/** Where a campaign's prompts come from besides raters' attacks: files and the AI attacker. */
export function PromptSources({ campaign, taxonomyNumber }: { campaign: number; taxonomyNumber: number | undefined }) {
  const { t } = useTranslation("hazards");
  return (
    <Stack component="section" aria-label={t("sources.label")} gap="sm">
      <Title order={3}>{t("sources.label")}</Title>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Paper withBorder p="md">
          <ImportForm campaign={campaign} />
        </Paper>
        <Paper withBorder p="md">
          <AttackerForm campaign={campaign} taxonomyNumber={taxonomyNumber} />
        </Paper>
      </SimpleGrid>
    </Stack>
  );
}
