import { useState, type FormEvent } from "react";
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

  return (
    <main className="stack">
      <h1>Principles</h1>
      <ErrorMessage error={versions.error ?? rounds.error} />
      <section aria-labelledby="rounds-heading" className="stack">
        <h2 id="rounds-heading">Voting rounds</h2>
        {rounds.isPending && <Loading />}
        {rounds.data && rounds.data.length === 0 && <p>No voting rounds yet.</p>}
        {rounds.data && rounds.data.length > 0 && (
          <ul className="plain-list">
            {rounds.data.map((round) => (
              <li key={round.id}>
                <Link to={`/principles/rounds/${round.id}`}>{round.title}</Link>{" "}
                <span className={`status status-${round.status}`}>{round.status}</span>{" "}
                <span className="muted">
                  {round.status === "open" ? "closes " : "closed "}
                  <DateTime value={round.closed_at ?? round.closes_at} />
                  {round.enacted_version !== null && ` — enacted version ${round.enacted_version}`}
                </span>
              </li>
            ))}
          </ul>
        )}
        {canManage && <OpenRoundForm />}
      </section>

      <section aria-labelledby="constitution-heading" className="stack">
        <h2 id="constitution-heading">
          Constitution{current ? `, version ${current.number} (in force)` : ""}
        </h2>
        {versions.data && !current && <p>No constitution version has been seeded yet.</p>}
        {currentDetail.data && <PrincipleList principles={currentDetail.data.principles} />}
        {versions.data && versions.data.length > 0 && (
          <>
            <h3>All versions</h3>
            <ul className="plain-list" aria-label="Constitution versions">
              {versions.data.map((v) => (
                <li key={v.number}>
                  <Link to={`/principles/versions/${v.number}`}>Version {v.number}</Link>{" "}
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
        <h2 id="tracking-heading">Support over rounds</h2>
        <p className="muted">
          Blue: share of human voters agreeing; filled dots: the change passed. Opinion groups are
          found anew in every round, so they are shown as grey dots sized by voters (dashed: the
          least-agreeing group); rater backgrounds stay the same across rounds and are drawn as
          lines, counting only voters who share their profile.
        </p>
        <label>
          Groups{" "}
          <select value={grouping} onChange={(e) => setGrouping(e.target.value as SupportGrouping)}>
            <option value="opinion">Opinion groups</option>
            <option value="region">Region</option>
            <option value="expertise">Expertise</option>
          </select>
        </label>
        {tracking.data && tracking.data.length === 0 && <p>No round has closed yet.</p>}
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
        <h2 id="audit-heading">Audit log</h2>
        <ul className="plain-list" aria-label="Audit log">
          {audit.data?.map((entry) => (
            <li key={entry.id}>
              <DateTime value={entry.created_at} /> <strong>{entry.action.replace("_", " ")}</strong>
              {entry.actor && ` by ${entry.actor}`}
              {entry.version !== null && ` (version ${entry.version})`}
              {entry.reason && `: ${entry.reason}`}
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

  const field = (id: string, label: string, value: string, set: (v: string) => void, type = "text") => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
        value={value}
        step={type === "number" ? "any" : undefined}
        onChange={(e) => set(e.target.value)}
        aria-describedby={`${id}-errors`}
      />
      <FieldErrors id={`${id}-errors`} messages={errors?.fieldErrors(id.replace("round-", "")) ?? []} />
    </div>
  );

  return (
    <form onSubmit={submit} className="stack" aria-label="Open a voting round">
      <h3>Open a voting round</h3>
      {field("round-title", "Title", title, setTitle)}
      {field("round-opens_at", "Opens", opensAt, setOpensAt, "datetime-local")}
      {field("round-closes_at", "Closes", closesAt, setClosesAt, "datetime-local")}
      {field("round-min_participants", "Human voters needed", minParticipants, setMinParticipants, "number")}
      {field("round-min_agreement", "Overall agreement needed (0-1)", minAgreement, setMinAgreement, "number")}
      {field(
        "round-min_group_agreement",
        "Agreement needed in every opinion group (0-1)",
        minGroupAgreement,
        setMinGroupAgreement,
        "number",
      )}
      {errors && Object.keys(errors.fields).length === 0 && <ErrorMessage error={open.error} />}
      <button type="submit" disabled={open.isPending}>
        Open round
      </button>
    </form>
  );
}
