import { useTranslation } from "react-i18next";
import { useImportedReport } from "../hooks/useSetup";


/** Imported annotated sets (XSTest): how far their own annotators agree, and what they said. */
export function ImportedSets() {
  const report = useImportedReport();
  const { t } = useTranslation("hazards");
  // Fixed precision, so the columns line up.
  const fmt = (x: number | null) => (x === null ? t("notAvailable") : x.toFixed(3));
  if (!report.data || report.data.length === 0) return null;
  return (
    <section aria-label={t("importedSets.label")}>
      <h2>{t("importedSets.title")}</h2>
      <table>
        <thead>
          <tr>
            <th>{t("importedSets.set")}</th>
            <th>{t("importedSets.items")}</th>
            <th>{t("importedSets.raters")}</th>
            <th>{t("importedSets.rawAgreement")}</th>
            <th>{t("importedSets.kappa")}</th>
            <th>{t("importedSets.labels")}</th>
          </tr>
        </thead>
        <tbody>
          {report.data.map((set) => (
            <tr key={set.dataset}>
              <td>{set.dataset}</td>
              <td>{set.items}</td>
              <td>{set.raters}</td>
              <td>{fmt(set.raw_agreement)}</td>
              <td>{fmt(set.cohen_kappa)}</td>
              <td>
                {Object.entries(set.label_distribution)
                  .map(([label, count]) => t("importedSets.labelCount", { label, n: count }))
                  .join(t("importedSets.separator"))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
