import { Trans, useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { Loading } from "../../../components/Loading";
import { Pager, parsePage } from "../../../components/Pager";
import { TRUST_ACTIVITIES } from "../api/trust";
import { useTrust } from "../hooks/useTrust";
import { TrustTable } from "./TrustTable";

/** Researchers' view of rater trust: every rater's latest score per activity (?activity=&page=). */
export function TrustPage() {
  const [params, setParams] = useSearchParams();
  const activity = params.get("activity") ?? "";
  const page = parsePage(params.get("page"));
  const trust = useTrust({ activity, page });
  const { t } = useTranslation("trust");

  return (
    <main className="stack">
      <h1>{t("page.title")}</h1>
      <p>
        <Trans t={t} i18nKey="page.intro" components={{ code: <code /> }} />
      </p>
      <label className="field">
        {t("page.activity")}
        <select value={activity} onChange={(e) => setParams(e.target.value ? { activity: e.target.value } : {})}>
          <option value="">{t("page.everyActivity")}</option>
          {TRUST_ACTIVITIES.map((value) => (
            <option key={value} value={value}>
              {t(`activities.${value}`)}
            </option>
          ))}
        </select>
      </label>
      {trust.isPending && <Loading />}
      <ErrorMessage error={trust.error} />
      {trust.data && trust.data.results.length === 0 && <p>{t("page.empty")}</p>}
      {trust.data && trust.data.results.length > 0 && <TrustTable rows={trust.data.results} />}
      {trust.data && (
        <Pager
          label={t("page.pages")}
          page={page}
          hasPrevious={trust.data.previous != null}
          hasNext={trust.data.next != null}
          onPage={(next) => setParams({ ...(activity ? { activity } : {}), page: String(next) })}
        />
      )}
    </main>
  );
}
