import { Table, Text } from "@mantine/core";
import { Trans, useTranslation } from "react-i18next";
import { DateTime } from "../../../components/DateTime";
import { formatCount, formatPercent } from "../../../lib/format";
import { isTrustActivity, type RaterTrust } from "../api/trust";

/** A share with how many answers it rests on, or a dash where nothing measured it. */
function Measured({ share, of }: { share: number | null; of: number }) {
  const { t } = useTranslation("trust");
  if (share === null) return <Text span c="dimmed" inherit>{t("table.notMeasured")}</Text>;
  return (
    <Trans
      t={t}
      i18nKey="table.measured"
      values={{ share: formatPercent(share), total: formatCount(of) }}
      components={{ muted: <Text span c="dimmed" inherit /> }}
    />
  );
}

/** Each rater's trust per activity with the components it was computed from, lowest first.
 * Narrower than its columns need, the table scrolls inside its own box, not the page. */
export function TrustTable({ rows }: { rows: RaterTrust[] }) {
  const { t } = useTranslation("trust");
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("table.rater")}</Table.Th>
            <Table.Th scope="col">{t("table.activity")}</Table.Th>
            <Table.Th scope="col">{t("table.trust")}</Table.Th>
            <Table.Th scope="col">{t("table.goldAccuracy")}</Table.Th>
            <Table.Th scope="col">{t("table.agreement")}</Table.Th>
            <Table.Th scope="col">{t("table.tooFast")}</Table.Th>
            <Table.Th scope="col">{t("table.computed")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={`${row.user}:${row.activity}`}>
              <Table.Th scope="row">{row.username}</Table.Th>
              <Table.Td>{isTrustActivity(row.activity) ? t(`activities.${row.activity}`) : row.activity}</Table.Td>
              <Table.Td>{formatPercent(row.score)}</Table.Td>
              <Table.Td>
                <Measured share={row.gold_accuracy} of={row.gold_items} />
              </Table.Td>
              <Table.Td>
                <Measured share={row.agreement} of={row.agreement_items} />
              </Table.Td>
              <Table.Td>
                <Measured share={row.fast_share} of={row.timed_submissions} />
              </Table.Td>
              <Table.Td>
                <DateTime value={row.computed_at} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
