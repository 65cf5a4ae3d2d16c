import { Trans, useTranslation } from "react-i18next";
import { DateTime } from "../../../components/DateTime";
import { formatCount, formatPercent } from "../../../lib/format";
import { isTrustActivity, type RaterTrust } from "../api/trust";

/** A share with how many answers it rests on, or a dash where nothing measured it. */
function Measured({ share, of }: { share: number | null; of: number }) {
  const { t } = useTranslation("trust");
  if (share === null) return <span className="muted">{t("table.notMeasured")}</span>;
  return (
    <Trans
      t={t}
      i18nKey="table.measured"
      values={{ share: formatPercent(share), total: formatCount(of) }}
      components={{ muted: <span className="muted" /> }}
    />
  );
}

/** Each rater's trust per activity with the components it was computed from, lowest first. */
export function TrustTable({ rows }: { rows: RaterTrust[] }) {
  const { t } = useTranslation("trust");
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{t("table.rater")}</th>
            <th scope="col">{t("table.activity")}</th>
            <th scope="col">{t("table.trust")}</th>
            <th scope="col">{t("table.goldAccuracy")}</th>
            <th scope="col">{t("table.agreement")}</th>
            <th scope="col">{t("table.tooFast")}</th>
            <th scope="col">{t("table.computed")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.user}:${row.activity}`}>
              <th scope="row">{row.username}</th>
              <td>{isTrustActivity(row.activity) ? t(`activities.${row.activity}`) : row.activity}</td>
              <td>{formatPercent(row.score)}</td>
              <td>
                <Measured share={row.gold_accuracy} of={row.gold_items} />
              </td>
              <td>
                <Measured share={row.agreement} of={row.agreement_items} />
              </td>
              <td>
                <Measured share={row.fast_share} of={row.timed_submissions} />
              </td>
              <td>
                <DateTime value={row.computed_at} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
