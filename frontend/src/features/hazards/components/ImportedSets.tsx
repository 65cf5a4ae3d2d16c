import { Stack, Table, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatCount, formatFixed } from "../../../lib/format";
import { useImportedReport } from "../hooks/useSetup";

/** Imported annotated sets (XSTest): how far their own annotators agree, and what they said.
 * Nothing shows until a set is imported: the section is about imports, not an empty promise. */
export function ImportedSets() {
  const report = useImportedReport();
  const { t } = useTranslation("hazards");
  // Fixed precision, so the columns line up.
  const fmt = (x: number | null) => (x === null ? t("notAvailable") : formatFixed(x, 3));
  if (!report.data || report.data.length === 0) return null;
  return (
    <Stack component="section" aria-label={t("importedSets.label")} gap="sm">
      <Title order={2}>{t("importedSets.title")}</Title>
      <Table.ScrollContainer minWidth={640}>
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("importedSets.set")}</Table.Th>
              <Table.Th>{t("importedSets.items")}</Table.Th>
              <Table.Th>{t("importedSets.raters")}</Table.Th>
              <Table.Th>{t("importedSets.rawAgreement")}</Table.Th>
              <Table.Th>{t("importedSets.kappa")}</Table.Th>
              <Table.Th>{t("importedSets.labels")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.data.map((set) => (
              <Table.Tr key={set.dataset}>
                <Table.Td>{set.dataset}</Table.Td>
                <Table.Td>{formatCount(set.items)}</Table.Td>
                <Table.Td>{formatCount(set.raters)}</Table.Td>
                <Table.Td>{fmt(set.raw_agreement)}</Table.Td>
                <Table.Td>{fmt(set.cohen_kappa)}</Table.Td>
                <Table.Td>
                  {Object.entries(set.label_distribution)
                    .map(([label, count]) => t("importedSets.labelCount", { label, n: formatCount(count) }))
                    .join(t("importedSets.separator"))}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
