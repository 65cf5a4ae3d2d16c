import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { DateTime } from "../../../components/DateTime";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { Loading } from "../../../components/Loading";
import { Pager, parsePage } from "../../../components/Pager";
import { capabilities, useMe } from "../../../lib/session";
import { useLines, useRuns } from "../hooks/useLoop";
import { StartRunForm } from "./StartRunForm";

/** Runs of the retraining loop; admins start new ones here. */
export function TrainingPage() {
  const [params, setParams] = useSearchParams();
  const page = parsePage(params.get("page"));
  const runs = useRuns(page);
  const lines = useLines();
  const navigate = useNavigate();
  const canTrain = capabilities(useMe().data).publish;
  const { t } = useTranslation("training");

  return (
    <main className="stack">
      <h1>{t("page.title")}</h1>
      <nav aria-label={t("page.nav")} className="row">
        <Link to="/snapshots">{t("page.snapshots")}</Link>
        {lines.data?.results.map((line) => (
          <Link key={line.slug} to={`/training/lines/${line.slug}`}>
            {t("page.compareLine", { name: line.name })}
          </Link>
        ))}
      </nav>
      {canTrain && <StartRunForm onStarted={(run) => navigate(`/training/runs/${run.id}`)} />}
      <section aria-labelledby="runs-heading" className="stack">
        <h2 id="runs-heading">{t("page.runs")}</h2>
        {runs.isPending && <Loading />}
        <ErrorMessage error={runs.error} />
        {runs.data && runs.data.results.length === 0 && <p>{t("page.empty")}</p>}
        {runs.data && runs.data.results.length > 0 && (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("page.run")}</th>
                  <th scope="col">{t("page.line")}</th>
                  <th scope="col">{t("page.recipe")}</th>
                  <th scope="col">{t("page.status")}</th>
                  <th scope="col">{t("page.progress")}</th>
                  <th scope="col">{t("page.newVersion")}</th>
                  <th scope="col">{t("page.started")}</th>
                </tr>
              </thead>
              <tbody>
                {runs.data.results.map((run) => (
                  <tr key={run.id}>
                    <th scope="row">
                      <Link to={`/training/runs/${run.id}`}>{t("page.runLink", { id: run.id })}</Link>
                    </th>
                    <td>{run.line}</td>
                    <td>{run.recipe}</td>
                    <td>
                      <span className={`status status-${run.status}`}>{t(`runStatus.${run.status}`)}</span>
                    </td>
                    <td>{t("page.steps", { step: run.step, total: run.total_steps || t("page.unknownTotal") })}</td>
                    <td>{run.version_number ?? "—"}</td>
                    <td>
                      <DateTime value={run.started_at} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {runs.data && (
          <Pager
            label={t("page.pages")}
            page={page}
            hasPrevious={runs.data.previous != null}
            hasNext={runs.data.next != null}
            onPage={(next) => setParams({ page: String(next) })}
          />
        )}
      </section>
    </main>
  );
}
