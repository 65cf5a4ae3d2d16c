import { useTranslation } from "react-i18next";
import { Link, Outlet, useParams, useSearchParams } from "react-router";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { Loading } from "../../../components/Loading";
import { Pager, parsePage } from "../../../components/Pager";
import { useModelLines } from "../hooks/useRegistry";
import { ServingPanel } from "./ServingPanel";

export function ModelsPage() {
  const [params, setParams] = useSearchParams();
  const page = parsePage(params.get("lines"));
  const lines = useModelLines(page);
  const { slug } = useParams();
  const { t } = useTranslation("models");

  return (
    <main className="stack">
      <h1>{t("lines.title")}</h1>
      {lines.isPending && <Loading />}
      <ErrorMessage error={lines.error} />
      {lines.data && lines.data.results.length === 0 && <p>{t("lines.empty")}</p>}
      {lines.data && lines.data.results.length > 0 && (
        <ul className="cards" aria-label={t("lines.label")}>
          {lines.data.results.map((line) => (
            <li key={line.slug} className="card">
              <h2>
                <Link
                  to={`/models/${encodeURIComponent(line.slug)}`}
                  aria-current={line.slug === slug ? "page" : undefined}
                >
                  {line.name}
                </Link>
              </h2>
              <p>{line.description}</p>
              <p className="muted">
                {line.published_version
                  ? t("lines.published", { number: line.published_version.number })
                  : t("lines.unpublished")}
              </p>
            </li>
          ))}
        </ul>
      )}
      {lines.data && (
        <Pager
          label={t("lines.pages")}
          page={page}
          hasPrevious={lines.data.previous != null}
          hasNext={lines.data.next != null}
          onPage={(next) => setParams({ lines: String(next) })}
        />
      )}
      <ServingPanel />
      <Outlet />
    </main>
  );
}
