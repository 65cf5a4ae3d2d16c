import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { Loading } from "../../../components/Loading";
import { useLineVersions } from "../hooks/useLoop";
import { figures, percent } from "./metrics";
import { VersionPanel } from "./VersionPanel";

/** Every version of a line side by side on the evaluation figures; pick one to act on it. */
export function LineVersionsPage() {
  const { slug = "" } = useParams();
  const versions = useLineVersions(slug);
  const [selected, setSelected] = useState<number | null>(null);
  const { t } = useTranslation("training");

  return (
    <main className="stack">
      <p>
        <Link to="/training">{t("line.back")}</Link>
      </p>
      <h1>{t("line.title", { slug })}</h1>
      {versions.isPending && <Loading />}
      <ErrorMessage error={versions.error} />
      {versions.data && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("line.version")}</th>
                <th scope="col">{t("line.status")}</th>
                <th scope="col">{t("line.preference")}</th>
                <th scope="col">{t("line.llmbar")}</th>
                <th scope="col">{t("line.hazard")}</th>
                <th scope="col">{t("line.constitution")}</th>
                <th scope="col">{t("line.dataset")}</th>
                <th scope="col" />
              </tr>
            </thead>
            <tbody>
              {versions.data.results.map((v) => {
                const f = figures(v.metrics);
                return (
                  <tr key={v.id}>
                    <th scope="row">
                      {t("line.versionNumber", { number: v.number })}
                      {v.parent !== null && (
                        <span className="muted">
                          {" "}
                          {t("line.fromParent", { id: v.parent })}
                        </span>
                      )}
                    </th>
                    <td>
                      <span className={`status status-${v.status}`}>{t(`versionStatus.${v.status}`)}</span>
                    </td>
                    <td>{percent(f.preference)}</td>
                    <td>{percent(f.llmbar)}</td>
                    <td>{percent(f.hazard)}</td>
                    <td>{percent(f.constitution)}</td>
                    <td>
                      <code title={v.dataset_hash}>{v.dataset_hash.slice(0, 12) || "—"}</code>
                    </td>
                    <td>
                      <button type="button" onClick={() => setSelected(v.id)} aria-label={t("line.detailsOf", { number: v.number })}>
                        {t("line.details")}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {selected !== null && <VersionPanel id={selected} />}
    </main>
  );
}
