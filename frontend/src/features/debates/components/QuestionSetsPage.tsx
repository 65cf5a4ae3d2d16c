import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { QuotaPanel } from "../../../components/diversity/QuotaPanel";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { Loading } from "../../../components/Loading";
import { useQuestionSets } from "../hooks/useResearch";

/** Researchers: the question sets judges are handed debates from, each with its quotas per
 * rater group. */
export function QuestionSetsPage() {
  const sets = useQuestionSets();
  const { t } = useTranslation("debates");
  const selected = Number(useParams().id) || null;
  const set = sets.data?.find((s) => s.id === selected);
  return (
    <main className="stack">
      <h1>{t("sets.title")}</h1>
      {sets.isPending && <Loading />}
      <ErrorMessage error={sets.error} />
      <ul>
        {sets.data?.map((s) => (
          <li key={s.id}>
            <Link to={`/debates/sets/${s.id}`}>{s.name}</Link> <span className="muted">{s.source}</span>
          </li>
        ))}
      </ul>
      {selected !== null && (
        <>
          {set && <h2>{set.name}</h2>}
          <QuotaPanel activity="debates" objectId={selected} />
        </>
      )}
    </main>
  );
}
