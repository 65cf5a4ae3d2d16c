import { Button, Group, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { useEraseProfile, useExportDownload } from "../hooks/useProfile";

type DataControlsProps = {
  username: string;
  erase: ReturnType<typeof useEraseProfile>;
};

export function DataControls({ username, erase }: DataControlsProps) {
  const download = useExportDownload(`co-align-data-${username}.json`);
  const [confirming, setConfirming] = useState(false);
  const { t } = useTranslation("profile");

  return (
    <Stack component="section" aria-labelledby="your-data">
      <Title order={2} id="your-data">
        {t("data.title")}
      </Title>
      <Stack gap="xs" align="flex-start">
        <Text>{t("data.exportIntro")}</Text>
        <Button variant="default" onClick={() => download.mutate()} disabled={download.isPending}>
          {t("data.export")}
        </Button>
        <ErrorMessage error={download.error} />
      </Stack>
      <Stack gap="xs" align="flex-start">
        <Text>{t("data.eraseIntro")}</Text>
        {confirming ? (
          <Group role="group" aria-label={t("data.confirmLabel")} gap="sm">
            <Text span>{t("data.confirmQuestion")}</Text>
            <Button
              color="red"
              disabled={erase.isPending}
              onClick={() => erase.mutate(undefined, { onSuccess: () => setConfirming(false) })}
            >
              {t("data.confirm")}
            </Button>
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t("data.cancel")}
            </Button>
          </Group>
        ) : (
          <Button color="red" variant="light" onClick={() => setConfirming(true)}>
            {t("data.erase")}
          </Button>
        )}
        <ErrorMessage error={erase.error} />
      </Stack>
    </Stack>
  );
}
