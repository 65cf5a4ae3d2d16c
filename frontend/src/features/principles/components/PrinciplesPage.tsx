import { useState, type FormEvent } from "react";
import { Trans, useTranslation } from "react-i18next";
import { Link } from "react-router";
import { DateTime } from "../../../components/DateTime";
import { ErrorMessage, FieldErrors } from "../../../components/ErrorMessage";
import { Loading } from "../../../components/Loading";
import { ApiError } from "../../../lib/api/errors";
import { capabilities, useMe } from "../../../lib/session";
import {
  useAudit,
  useOpenRound,
  useRounds,
  useTracking,
  useVersion,
  useVersions,
} from "../hooks/usePrinciples";
import { SupportChart, type SupportGrouping } from "./charts";
import { PrincipleList } from "./PrincipleList";

/** The constitution in force, its versions, the voting rounds and how support evolved. */
export function PrinciplesPage() {
  const versions = useVersions();
  const current = versions.data?.find((v) => v.is_current) ?? null;
  const currentDetail = useVersion(current?.number ?? null);
  const rounds = useRounds();
  const tracking = useTracking();
  const audit = useAudit();
  const canManage = capabilities(useMe().data).research;
  const [grouping, setGrouping] = useState<SupportGrouping>("opinion");
  const { t } = useTranslation("principles");

  return (
    <main className="stack">
      <h1>{t("page.title")}</h1>
      <ErrorMessage error={versions.error ?? rounds.error} />
      <section aria-labelledby="rounds-heading" className="stack">
        <h2 id="rounds-heading">{t("page.rounds")}</h2>
        {rounds.isPending && <Loading />}
        {rounds.data && rounds.data.length === 0 && <p>{t("page.noRounds")}</p>}
        {rounds.data && rounds.data.length > 0 && (
          <ul className="plain-list">
            {rounds.data.map((round) => (
              <li key={round.id}>
                <Link to={`/principles/rounds/${round.id}`}>{round.title}</Link>{" "}
                <span className={`status status-${round.status}`}>{t(`roundStatuses.${round.status}`)}</span>{" "}
                <span className="muted">
                  <Trans
                    t={t}
                    i18nKey={round.status === "open" ? "page.closes" : "page.closed"}
                    components={{ when: <DateTime value={round.closed_at ?? round.closes_at} /> }}
                  />
                  {round.enacted_version !== null && t("page.enacted", { version: round.enacted_version })}
                </span>
              </li>
            ))}
          </ul>
        )}
        {canManage && <OpenRoundForm />}
      </section>

      <section aria-labelledby="constitution-heading" className="stack">
        <h2 id="constitution-heading">
          {current ? t("page.constitutionCurrent", { version: current.number }) : t("page.constitution")}
        </h2>
        {versions.data && !current && <p>{t("page.notSeeded")}</p>}
        {currentDetail.data && <PrincipleList principles={currentDetail.data.principles} />}
        {versions.data && versions.data.length > 0 && (
          <>
            <h3>{t("page.allVersions")}</h3>
            <ul className="plain-list" aria-label={t("page.versions")}>
              {versions.data.map((v) => (
                <li key={v.number}>
                  <Link to={`/principles/versions/${v.number}`}>{t("page.version", { version: v.number })}</Link>{" "}
                  <span className="muted">
                    <DateTime value={v.created_at} /> {v.summary}
                  </span>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby="tracking-heading" className="stack">
        <h2 id="tracking-heading">{t("page.support")}</h2>
        <p className="muted">{t("page.supportHelp")}</p>
        <label>
          {t("page.groups")}{" "}
          <select value={grouping} onChange={(e) => setGrouping(e.target.value as SupportGrouping)}>
            <option value="opinion">{t("page.groupings.opinion")}</option>
            <option value="region">{t("page.groupings.region")}</option>
            <option value="expertise">{t("page.groupings.expertise")}</option>
          </select>
        </label>
        {tracking.data && tracking.data.length === 0 && <p>{t("page.noClosedRound")}</p>}
        <ul className="cards">
          {tracking.data?.map((series) => (
            <li key={series.key} className="card">
              <h3>
                <code>{series.key}</code>
              </h3>
              <SupportChart series={series} grouping={grouping} />
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="audit-heading" className="stack">
        <h2 id="audit-heading">{t("page.audit")}</h2>
        <ul className="plain-list" aria-label={t("page.audit")}>
          {audit.data?.map((entry) => (
            <li key={entry.id}>
              <DateTime value={entry.created_at} /> <strong>{t(`auditActions.${entry.action}`)}</strong>
              {entry.actor && t("page.auditBy", { actor: entry.actor })}
              {entry.version !== null && t("page.auditVersion", { version: entry.version })}
              {entry.reason && t("page.auditReason", { reason: entry.reason })}
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}

function localInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

type RoundFieldName = "title" | "opens_at" | "closes_at" | "min_participants" | "min_agreement" | "min_group_agreement";

/** One setting of a new round, with the server's messages about it. */
function RoundField({
  field,
  value,
  set,
  errors,
  type = "text",
}: {
  field: RoundFieldName;
  value: string;
  set: (v: string) => void;
  errors: ApiError | null;
  type?: "text" | "number" | "datetime-local";
}) {
  const { t } = useTranslation("principles");
  const id = `round-${field}`;
  return (
    <div className="field">
      <label htmlFor={id}>{t(`openRound.fields.${field}`)}</label>
      <input
        id={id}
        type={type}
        value={value}
        step={type === "number" ? "any" : undefined}
        onChange={(e) => set(e.target.value)}
        aria-describedby={`${id}-errors`}
      />
      <FieldErrors id={`${id}-errors`} messages={errors?.fieldErrors(field) ?? []} />
    </div>
  );
}

function OpenRoundForm() {
  const open = useOpenRound();
  const now = new Date();
  const [title, setTitle] = useState("");
  const [opensAt, setOpensAt] = useState(localInput(now));
  const [closesAt, setClosesAt] = useState(localInput(new Date(now.getTime() + 7 * 86_400_000)));
  const [minParticipants, setMinParticipants] = useState("3");
  const [minAgreement, setMinAgreement] = useState("0.6");
  const [minGroupAgreement, setMinGroupAgreement] = useState("0.5");
  const errors = open.error instanceof ApiError ? open.error : null;
  const { t } = useTranslation("principles");

  function submit(event: FormEvent) {
    event.preventDefault();
    open.mutate(
      {
        title,
        opens_at: new Date(opensAt).toISOString(),
        closes_at: new Date(closesAt).toISOString(),
        min_participants: Number(minParticipants),
        min_agreement: Number(minAgreement),
        min_group_agreement: Number(minGroupAgreement),
      },
      { onSuccess: () => setTitle("") },
    );
  }

  return (
    <form onSubmit={submit} className="stack" aria-label={t("openRound.title")}>
      <h3>{t("openRound.title")}</h3>
      <RoundField field="title" value={title} set={setTitle} errors={errors} />
      <RoundField field="opens_at" value={opensAt} set={setOpensAt} errors={errors} type="datetime-local" />
      <RoundField field="closes_at" value={closesAt} set={setClosesAt} errors={errors} type="datetime-local" />
      <RoundField field="min_participants" value={minParticipants} set={setMinParticipants} errors={errors} type="number" />
      <RoundField field="min_agreement" value={minAgreement} set={setMinAgreement} errors={errors} type="number" />
      <RoundField
        field="min_group_agreement"
        value={minGroupAgreement}
        set={setMinGroupAgreement}
        errors={errors}
        type="number"
      />
      {errors && Object.keys(errors.fields).length === 0 && <ErrorMessage error={open.error} />}
      <button type="submit" disabled={open.isPending}>
        {t("openRound.submit")}
      </button>
    </form>
  );
}
