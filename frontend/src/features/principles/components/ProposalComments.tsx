import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { useDwellTime } from "../../../lib/useDwellTime";
import { useAddComment, useComments } from "../hooks/usePrinciples";

/** A proposal's comments, and a box to add one while the round is open. */
export function ProposalComments({ proposal, open }: { proposal: number; open: boolean }) {
  const comments = useComments(proposal, true);
  const add = useAddComment(proposal);
  const { t } = useTranslation("principles");
  const dwell = useDwellTime(proposal);
  const [text, setText] = useState("");
  function submit(event: FormEvent) {
    event.preventDefault();
    add.mutate({ text, dwellMs: dwell() }, { onSuccess: () => setText("") });
  }
  return (
    <div className="stack">
      <ul className="plain-list" aria-label={t("comments.label")}>
        {comments.data?.map((c) => (
          <li key={c.id}>
            <strong>{c.author}</strong>: {c.text}
          </li>
        ))}
      </ul>
      {open && (
        <form onSubmit={submit} className="row">
          <label htmlFor={`comment-${proposal}`}>{t("comments.comment")}</label>
          <input id={`comment-${proposal}`} value={text} onChange={(e) => setText(e.target.value)} />
          <button type="submit" disabled={add.isPending || !text.trim()}>
            {t("comments.post")}
          </button>
          <ErrorMessage error={add.error} />
        </form>
      )}
    </div>
  );
}
