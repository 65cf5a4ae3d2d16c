import { useTranslation } from "react-i18next";
import { NavLink, useParams } from "react-router";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { Loading } from "../../../components/Loading";
import { formatCount, formatDateTime, formatNumber } from "../../../lib/format";
import { capabilities, useMe } from "../../../lib/session";
import type { Policy } from "../api/policies";
import { useLines, usePolicy } from "../hooks/usePolicies";
import { GATES } from "./gates";
import { PolicyForm } from "./PolicyForm";

function PolicySummary({ policy }: { policy: Policy }) {
  const { t } = useTranslation("policies");
  return (
    <div className="stack">
      <h3>{t("gates.title")}</h3>
      <table>
        <thead>
          <tr>
            <th scope="col">{t("gates.gate")}</th>
            <th scope="col">{t("gates.threshold")}</th>
          </tr>
        </thead>
        <tbody>
          {GATES.map((gate) => {
            const threshold = policy.gates[gate];
            return (
              <tr key={gate}>
                <th scope="row">{t(`gates.${gate}`)}</th>
                <td>{threshold == null ? t("gates.unchecked") : formatNumber(threshold)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h3>{t("trigger.title")}</h3>
      <p>
        {policy.auto_train
          ? t("trigger.on", {
              minutes: formatCount(policy.check_every_minutes),
              recipe: t(`recipes.${policy.recipe}`),
              signals: formatCount(policy.min_new_signals),
            }) + t(policy.auto_publish ? "trigger.publishes" : "trigger.drafts")
          : t("trigger.off")}
        {policy.last_checked_at && t("trigger.lastChecked", { at: formatDateTime(policy.last_checked_at) })}
      </p>
    </div>
  );
}

/** Each line's publishing gates and training trigger; admins change them. */
export function PoliciesPage() {
  const { slug } = useParams();
  const lines = useLines();
  const chosen = slug ?? lines.data?.results[0]?.slug ?? null;
  const policy = usePolicy(chosen);
  const canEdit = capabilities(useMe().data).train;
  const { t } = useTranslation("policies");

  return (
    <main className="stack">
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      {lines.isPending && <Loading />}
      <ErrorMessage error={lines.error} />
      {lines.data && lines.data.results.length === 0 && <p>{t("noLines")}</p>}
      {lines.data && lines.data.results.length > 0 && (
        <nav aria-label={t("linesLabel")} className="row">
          {lines.data.results.map((line) => (
            <NavLink key={line.slug} to={`/policies/${line.slug}`} aria-current={line.slug === chosen ? "page" : undefined}>
              {line.name}
            </NavLink>
          ))}
        </nav>
      )}
      {chosen && (
        <section aria-labelledby="policy-heading" className="stack">
          <h2 id="policy-heading">{t("heading", { line: chosen })}</h2>
          {policy.isPending && <Loading />}
          <ErrorMessage error={policy.error} />
          {policy.data && <PolicySummary policy={policy.data} />}
          {policy.data && canEdit && <PolicyForm key={policy.data.line} policy={policy.data} />}
        </section>
      )}
    </main>
  );
}
