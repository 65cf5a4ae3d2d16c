import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { Loading } from "../../../components/Loading";
import { formatCount } from "../../../lib/format";
import type { WorkItem } from "../api/work";
import { useWork } from "../hooks/useWork";

function WorkCard({ item }: { item: WorkItem }) {
  const { t } = useTranslation("home");
  return (
    <li className="card">
      <h2>
        {/* In-app navigation: a page with unsaved text can ask before it is left. */}
        <Link to={item.url}>{item.title}</Link>
      </h2>
      <p>{item.description}</p>
      <p className="muted">{t("card.waiting", { count: item.count, n: formatCount(item.count) })}</p>
    </li>
  );
}

export function HomePage() {
  const work = useWork();
  const { t } = useTranslation("home");
  return (
    <main>
      <h1>{t("page.title")}</h1>
      {work.isPending && <Loading />}
      <ErrorMessage error={work.error} />
      {work.data &&
        (work.data.length === 0 ? (
          <p>{t("page.empty")}</p>
        ) : (
          <ul className="cards" aria-label={t("page.list")}>
            {work.data.map((item) => (
              <WorkCard key={`${item.kind}:${item.url}`} item={item} />
            ))}
          </ul>
        ))}
    </main>
  );
}
