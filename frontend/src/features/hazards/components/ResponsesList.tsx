import { Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { EmptyState } from "../../../components/EmptyState";
import { formatCount } from "../../../lib/format";
import { useCampaignResponses } from "../hooks/useCampaignActions";
import { Disclosure } from "./Disclosure";
import { GoldImport, GoldToggle } from "./GoldToggle";
import { WRAP } from "./wrapText";

/** Responses as they are generated: streamed text until the stored text arrives. */
export function ResponsesList({ campaign }: { campaign: number }) {
  const responses = useCampaignResponses(campaign);
  const { t } = useTranslation("hazards");
  if (!responses.data) return null;
  return (
    <Disclosure summary={t("responses.summary", { n: formatCount(responses.data.length) })}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t("responses.warning")}
        </Text>
        <GoldImport campaign={campaign} />
        {responses.data.length === 0 ? (
          <EmptyState>{t("responses.none")}</EmptyState>
        ) : (
          <Table.ScrollContainer minWidth={820}>
            <Table striped withTableBorder verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("responses.prompt")}</Table.Th>
                  <Table.Th>{t("responses.producer")}</Table.Th>
                  <Table.Th>{t("responses.status")}</Table.Th>
                  <Table.Th>{t("responses.response")}</Table.Th>
                  <Table.Th>{t("responses.labels")}</Table.Th>
                  <Table.Th>{t("gold.column")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {responses.data.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td style={WRAP}>{r.prompt_text}</Table.Td>
                    <Table.Td>{r.producer_name}</Table.Td>
                    <Table.Td>{t(`responseStatus.${r.status}`)}</Table.Td>
                    <Table.Td style={WRAP}>{r.status === "done" ? r.text : (responses.streams[r.id] ?? "")}</Table.Td>
                    <Table.Td>
                      {t("responses.labelCounts", { human: formatCount(r.human_labels), ai: formatCount(r.ai_labels) })}
                    </Table.Td>
                    <Table.Td>
                      <GoldToggle campaign={campaign} response={r.id} gold={r.gold_harmful} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Disclosure>
  );
}
