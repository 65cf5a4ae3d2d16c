import { useState, type FormEvent } from "react";
import { Link, useParams } from "react-router";
import { DateTime } from "../../../components/DateTime";
import { ErrorMessage, FieldErrors } from "../../../components/ErrorMessage";
import { Loading } from "../../../components/Loading";
import { ApiError } from "../../../lib/api/errors";
import { capabilities, hasRole, useMe } from "../../../lib/session";
import type { Choice, Proposal, RoundDetail } from "../api/principles";
import {
  useAddComment,
  useAnalysis,
  useCloseRound,
  useComments,
  useLiveTallies,
  useRequestAIProposal,
  useRequestAIVotes,
  useRound,
  useSubmitProposal,
  useVeto,
  useVote,
} from "../hooks/usePrinciples";
import { GroupAgreementBars, OpinionMap } from "./charts";
import { AUDIENCE_OPTIONS } from "./PrincipleList";

const CHOICES: { value: Choice; label: string }[] = [
  { value: "agree", label: "Agree" },
  { value: "disagree", label: "Disagree" },
  { value: "pass", label: "Pass" },
];

function percent(share: number | null | undefined): string {
  return share === null || share === undefined ? "—" : `${Math.round(share * 100)}%`;
}

/** A voting round: proposals to vote and comment on, live tallies after voting, results. */
export function RoundPage() {
  const id = Number(useParams().id);
  const round = useRound(id);
  const me = useMe().data;
  const canManage = capabilities(me).research;
  const canVote = hasRole(me, "rater") || hasRole(me, "researcher");
  useLiveTallies(round.data);

  if (round.isPending) return <Loading />;
  if (!round.data) return <ErrorMessage error={round.error} />;
  const data = round.data;
  const open = data.status === "open" && new Date(data.closes_at) > new Date();

  return (
    <main className="stack">
      <p>
        <Link to="/principles">All principles</Link>
      </p>
      <h1>{data.title}</h1>
      <p>
        <span className={`status status-${data.status}`}>{data.status}</span>{" "}
        {open ? "Closes" : "Closed"} <DateTime value={data.closed_at ?? data.closes_at} />. Amends
        version {data.base_version}
        {data.enacted_version !== null && (
          <>
            {" "}
            and enacted{" "}
            <Link to={`/principles/versions/${data.enacted_version}`}>version {data.enacted_version}</Link>
          </>
        )}
        .
      </p>
      <p className="muted">
        Rule: a proposal passes with at least {data.min_participants} human votes,{" "}
        {percent(data.min_agreement)} of them agreeing (more agrees than disagrees), and at least{" "}
        {percent(data.min_group_agreement)} agreeing in every opinion group. AI votes are shown apart
        and never count.
      </p>
      {canManage && open && <ManageRound round={data} />}
      <ErrorMessage error={round.error} />
      {data.proposals.length === 0 && <p>No proposals yet.</p>}
      <ul className="cards" aria-label="Proposals">
        {data.proposals.map((proposal) => (
          <ProposalCard
            key={proposal.id}
            proposal={proposal}
            open={open}
            canVote={canVote}
            canVeto={canManage && open}
          />
        ))}
      </ul>
      {open && canVote && <ProposalForm round={data.id} />}
      {!open && <RoundResults round={data} />}
    </main>
  );
}

function ManageRound({ round }: { round: RoundDetail }) {
  const close = useCloseRound();
  const draft = useRequestAIProposal();
  const aiVotes = useRequestAIVotes();
  return (
    <div className="row">
      <button type="button" onClick={() => close.mutate(round.id)} disabled={close.isPending}>
        Close round now
      </button>
      <button type="button" onClick={() => draft.mutate(round.id)} disabled={draft.isPending}>
        Ask the AI proposer
      </button>
      <button type="button" onClick={() => aiVotes.mutate(round.id)} disabled={aiVotes.isPending}>
        Ask the AI judge to vote
      </button>
      {(draft.isSuccess || aiVotes.isSuccess) && (
        <span className="muted">Queued: AI contributions appear when the model has answered.</span>
      )}
      <ErrorMessage error={close.error ?? draft.error ?? aiVotes.error} />
    </div>
  );
}

function ProposalCard({
  proposal,
  open,
  canVote,
  canVeto,
}: {
  proposal: Proposal;
  open: boolean;
  canVote: boolean;
  canVeto: boolean;
}) {
  const vote = useVote(proposal.round);
  const heading = `${proposal.action} ${proposal.principle_key}`;
  return (
    <li className="card stack" aria-label={heading}>
      <h2>
        {proposal.action} <code>{proposal.principle_key}</code>
        {proposal.title && `: ${proposal.title}`}
      </h2>
      <p className="muted">
        Proposed by {proposal.author}
        {proposal.ai_authored && <strong> (AI-authored)</strong>}
      </p>
      {proposal.text && <p className="text-block">{proposal.text}</p>}
      <p>
        <em>Why:</em> {proposal.rationale}
      </p>
      {proposal.vetoed && (
        <p className="warning">Vetoed by a researcher: {proposal.veto_reason}</p>
      )}
      {open && canVote && (
        <div className="row" role="group" aria-label={`Your vote on ${heading}`}>
          {CHOICES.map((choice) => (
            <button
              key={choice.value}
              type="button"
              aria-pressed={proposal.my_vote === choice.value}
              disabled={vote.isPending}
              onClick={() => vote.mutate({ proposal: proposal.id, choice: choice.value })}
            >
              {choice.label}
            </button>
          ))}
        </div>
      )}
      <ErrorMessage error={vote.error} />
      {proposal.tally ? (
        <p aria-label="Tally">
          Humans: {proposal.tally.human.agree} agree, {proposal.tally.human.disagree} disagree,{" "}
          {proposal.tally.human.pass} pass.{" "}
          <span className="muted">
            AI (not counted): {proposal.tally.ai.agree} agree, {proposal.tally.ai.disagree} disagree,{" "}
            {proposal.tally.ai.pass} pass.
          </span>
        </p>
      ) : (
        <p className="muted">Vote to see the tally and the comments.</p>
      )}
      {proposal.tally && <Comments proposal={proposal.id} open={open} />}
      {canVeto && !proposal.vetoed && <VetoForm proposal={proposal.id} />}
    </li>
  );
}

function Comments({ proposal, open }: { proposal: number; open: boolean }) {
  const comments = useComments(proposal, true);
  const add = useAddComment(proposal);
  const [text, setText] = useState("");
  function submit(event: FormEvent) {
    event.preventDefault();
    add.mutate(text, { onSuccess: () => setText("") });
  }
  return (
    <div className="stack">
      <ul className="plain-list" aria-label="Comments">
        {comments.data?.map((c) => (
          <li key={c.id}>
            <strong>{c.author}</strong>: {c.text}
          </li>
        ))}
      </ul>
      {open && (
        <form onSubmit={submit} className="row">
          <label htmlFor={`comment-${proposal}`}>Comment</label>
          <input id={`comment-${proposal}`} value={text} onChange={(e) => setText(e.target.value)} />
          <button type="submit" disabled={add.isPending || !text.trim()}>
            Post
          </button>
          <ErrorMessage error={add.error} />
        </form>
      )}
    </div>
  );
}

function VetoForm({ proposal }: { proposal: number }) {
  const veto = useVeto();
  const [reason, setReason] = useState("");
  const errors = veto.error instanceof ApiError ? veto.error : null;
  return (
    <form
      className="row"
      onSubmit={(event) => {
        event.preventDefault();
        veto.mutate({ proposal, reason });
      }}
    >
      <label htmlFor={`veto-${proposal}`}>Veto reason</label>
      <input id={`veto-${proposal}`} value={reason} onChange={(e) => setReason(e.target.value)} />
      <button type="submit" disabled={veto.isPending}>
        Veto
      </button>
      <FieldErrors id={`veto-${proposal}-errors`} messages={errors?.fieldErrors("reason") ?? []} />
    </form>
  );
}

function ProposalForm({ round }: { round: number }) {
  const submit = useSubmitProposal(round);
  const [action, setAction] = useState<"add" | "amend" | "retire">("amend");
  const [key, setKey] = useState("");
  const [title, setTitle] = useState("");
  const [text, setText] = useState("");
  const [audience, setAudience] = useState("shared");
  const [rationale, setRationale] = useState("");
  const errors = submit.error instanceof ApiError ? submit.error : null;
  const messages = (field: string) => errors?.fieldErrors(field) ?? [];

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    // A retirement names only the principle; the API ignores blank wording fields for it.
    const retire = action === "retire";
    const body = {
      action,
      principle_key: key,
      title: retire ? "" : title,
      text: retire ? "" : text,
      audience: retire ? ("" as const) : (audience as "humans" | "ai" | "shared"),
      rationale,
    };
    submit.mutate(body, {
      onSuccess: () => {
        setKey("");
        setTitle("");
        setText("");
        setRationale("");
      },
    });
  }

  return (
    <form onSubmit={onSubmit} className="stack" aria-label="Propose a change">
      <h2>Propose a change</h2>
      <div className="field">
        <label htmlFor="proposal-action">Change</label>
        <select
          id="proposal-action"
          value={action}
          onChange={(e) => setAction(e.target.value as "add" | "amend" | "retire")}
        >
          <option value="amend">Amend a principle</option>
          <option value="add">Add a principle</option>
          <option value="retire">Retire a principle</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="proposal-key">Principle id</label>
        <input id="proposal-key" value={key} onChange={(e) => setKey(e.target.value)} aria-describedby="proposal-key-errors" />
        <FieldErrors id="proposal-key-errors" messages={messages("principle_key")} />
      </div>
      {action !== "retire" && (
        <>
          <div className="field">
            <label htmlFor="proposal-title">Title</label>
            <input id="proposal-title" value={title} onChange={(e) => setTitle(e.target.value)} aria-describedby="proposal-title-errors" />
            <FieldErrors id="proposal-title-errors" messages={messages("title")} />
          </div>
          <div className="field">
            <label htmlFor="proposal-text">Text</label>
            <textarea id="proposal-text" value={text} onChange={(e) => setText(e.target.value)} aria-describedby="proposal-text-errors" />
            <FieldErrors id="proposal-text-errors" messages={messages("text")} />
          </div>
          <div className="field">
            <label htmlFor="proposal-audience">Audience</label>
            <select id="proposal-audience" value={audience} onChange={(e) => setAudience(e.target.value)}>
              {AUDIENCE_OPTIONS.map((a) => (
                <option key={a.value} value={a.value}>
                  {a.label}
                </option>
              ))}
            </select>
          </div>
        </>
      )}
      <div className="field">
        <label htmlFor="proposal-rationale">Rationale</label>
        <textarea id="proposal-rationale" value={rationale} onChange={(e) => setRationale(e.target.value)} aria-describedby="proposal-rationale-errors" />
        <FieldErrors id="proposal-rationale-errors" messages={messages("rationale")} />
      </div>
      {errors && messages("round").length > 0 && <p role="alert" className="error">{messages("round").join(" ")}</p>}
      <button type="submit" disabled={submit.isPending}>
        Submit proposal
      </button>
    </form>
  );
}

function RoundResults({ round }: { round: RoundDetail }) {
  const analysis = useAnalysis(round.id, true);
  if (analysis.isPending) return <Loading />;
  if (!analysis.data) return <ErrorMessage error={analysis.error} />;
  const data = analysis.data;
  const labels = Object.fromEntries(round.proposals.map((p, i) => [p.id, `P${i + 1}`]));
  const background = Object.entries(data.participation.by_background);
  return (
    <section aria-labelledby="results-heading" className="stack">
      <h2 id="results-heading">Results</h2>
      <p>
        {data.participation.human_voters} human voters, {data.participation.ai_voters} AI voters.{" "}
        {data.version !== null ? `Enacted version ${data.version}.` : "No change was enacted."}
      </p>
      {data.groups && data.groups.voters.length > 0 && (
        <figure>
          <OpinionMap groups={data.groups} labels={labels} />
          <figcaption className="muted">
            {data.groups.k} opinion group(s)
            {data.groups.silhouette !== null && `, silhouette ${data.groups.silhouette.toFixed(2)}`}.
            Dots are voters, squares proposals (P1, P2, ...).
          </figcaption>
        </figure>
      )}
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Proposal</th>
              <th scope="col">Human votes</th>
              <th scope="col">Agreement</th>
              <th scope="col">Per group</th>
              <th scope="col">Consensus</th>
              <th scope="col">AI (not counted)</th>
              <th scope="col">Outcome</th>
            </tr>
          </thead>
          <tbody>
            {round.proposals.map((p) => {
              const stats = data.proposals[String(p.id)];
              if (!stats) return null;
              return (
                <tr key={p.id}>
                  <th scope="row">
                    {labels[p.id]} {p.action} <code>{p.principle_key}</code>
                  </th>
                  <td>
                    {stats.votes} ({stats.agree}/{stats.disagree}/{stats.passes})
                  </td>
                  <td>{percent(stats.agreement)}</td>
                  <td>
                    <GroupAgreementBars groupAgreement={stats.group_agreement} threshold={round.min_group_agreement} />
                  </td>
                  <td>{stats.consensus === null ? "—" : stats.consensus.toFixed(3)}</td>
                  <td>
                    {stats.ai.agree ?? 0}/{stats.ai.disagree ?? 0}/{stats.ai.pass ?? 0}
                  </td>
                  <td>{stats.passed ? "Passed" : `Not passed: ${stats.reason}`}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <h3>Participation by background</h3>
      <p className="muted">
        {data.participation.with_profile} of {data.participation.human_voters} voters share a background
        profile.
      </p>
      {background.length > 0 && (
        <dl>
          {background.map(([field, counts]) => (
            <div key={field}>
              <dt>{field.replace("_", " ")}</dt>
              <dd>
                {Object.entries(counts)
                  .map(([value, count]) => `${value}: ${count}`)
                  .join(", ")}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
