import { Button, Group, NativeSelect, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorMessage } from "../../../components/ErrorMessage";
import type { Campaign } from "../api/hazards";
import { useAILabels, useLineVersions, useRerun } from "../hooks/useCampaignActions";

function VersionAction({
  line,
  label,
  action,
}: {
  line: string;
  label: string;
  action: ReturnType<typeof useRerun> | ReturnType<typeof useAILabels>;
}) {
  const versions = useLineVersions(line);
  const { t } = useTranslation("hazards");
  const [chosen, setChosen] = useState<number | null>(null);
  const selected = chosen ?? versions.data?.[0]?.id ?? null;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (selected !== null) action.mutate(selected);
      }}
    >
      <Group align="flex-end" gap="sm">
        <NativeSelect
          label={label}
          value={selected ?? ""}
          onChange={(e) => setChosen(Number(e.currentTarget.value))}
          style={{ flex: "1 1 14rem" }}
        >
          {versions.data?.map((v) => (
            <option key={v.id} value={v.id}>
              {t("versionOption", { line, number: v.number, status: t(`versionStatus.${v.status}`) })}
            </option>
          ))}
        </NativeSelect>
        <Button type="submit" variant="light" disabled={selected === null || action.isPending}>
          {t("actions.go")}
        </Button>
        {action.isSuccess && (
          <Text size="sm" c="dimmed">
            {t("actions.queued")}
          </Text>
        )}
      </Group>
      <ErrorMessage error={action.error} />
    </form>
  );
}

/** Re-run the same prompts on another version of the target line; have a judge label responses. */
export function CampaignActions({ campaign }: { campaign: Campaign }) {
  const rerun = useRerun(campaign.id);
  const aiLabels = useAILabels(campaign.id);
  const { t } = useTranslation("hazards");
  return (
    <Stack component="section" aria-label={t("actions.label")} gap="sm">
      {campaign.target_line && (
        <VersionAction line={campaign.target_line} label={t("actions.rerun")} action={rerun} />
      )}
      <VersionAction line="judge" label={t("actions.judge")} action={aiLabels} />
    </Stack>
  );
}
