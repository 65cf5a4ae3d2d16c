import { Button, NativeSelect, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { useCampaignGoldImport, useResponseGold } from "../hooks/useGold";

type GoldValue = "none" | "harmful" | "safe";

const valueOf = (gold: boolean | null | undefined): GoldValue =>
  gold === true ? "harmful" : gold === false ? "safe" : "none";

/** A response's gold answer, which a researcher sets or removes; labels already given stay. */
export function GoldToggle({
  campaign,
  response,
  gold,
}: {
  campaign: number;
  response: number;
  gold: boolean | null | undefined;
}) {
  const { t } = useTranslation("hazards");
  const change = useResponseGold(campaign);
  const onChange = (value: GoldValue) =>
    change.mutate({ response, harmful: value === "none" ? null : value === "harmful" });
  return (
    <>
      <NativeSelect
        aria-label={t("gold.label", { id: response })}
        size="xs"
        value={valueOf(gold)}
        disabled={change.isPending}
        onChange={(event) => onChange(event.currentTarget.value as GoldValue)}
      >
        <option value="none">{t("gold.none")}</option>
        <option value="harmful">{t("gold.harmful")}</option>
        <option value="safe">{t("gold.safe")}</option>
      </NativeSelect>
      <ErrorMessage error={change.error} />
    </>
  );
}

/** Mark gold, in one go, every imported response whose source's annotators agree. */
export function GoldImport({ campaign }: { campaign: number }) {
  const { t } = useTranslation("hazards");
  const mark = useCampaignGoldImport(campaign);
  return (
    <Stack gap="xs" align="flex-start">
      <Text size="sm" c="dimmed">
        {t("gold.explain")}
      </Text>
      <Text size="sm" c="dimmed">
        {t("gold.noVotes")}
      </Text>
      <Button variant="light" disabled={mark.isPending} onClick={() => mark.mutate()}>
        {t("gold.import")}
      </Button>
      {mark.data && <Text role="status">{t("gold.imported", { count: mark.data.marked })}</Text>}
      <ErrorMessage error={mark.error} />
    </Stack>
  );
}
