import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ErrorMessage, FieldErrors } from "../../../components/ErrorMessage";
import { Loading } from "../../../components/Loading";
import { ApiError } from "../../../lib/api/errors";
import { formatCount, formatDateTime } from "../../../lib/format";
import { useConversations, useUploadConversation } from "../hooks/usePolis";

const FILES = [
  { field: "comments", name: "comments.csv", required: true },
  { field: "votes", name: "votes.csv", required: true },
  { field: "participants_votes", name: "participants-votes.csv", required: true },
  { field: "summary", name: "summary.csv", required: false },
] as const;
type FileField = (typeof FILES)[number]["field"];

/** Researchers import a Polis conversation export; its votes join the signal pool as imported. */
export function PolisImportPage() {
  const conversations = useConversations();
  const upload = useUploadConversation();
  const { t } = useTranslation("polis");
  const [slug, setSlug] = useState("");
  const [files, setFiles] = useState<Partial<Record<FileField, File>>>({});
  const error = upload.error instanceof ApiError ? upload.error : null;
  const ready = slug.trim() !== "" && FILES.every((f) => !f.required || files[f.field]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const { comments, votes, participants_votes: participantsVotes } = files;
    if (!comments || !votes || !participantsVotes) return;
    upload.mutate({ slug: slug.trim(), comments, votes, participantsVotes, summary: files.summary ?? null });
  }

  return (
    <main className="stack">
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <form onSubmit={submit} className="stack" aria-labelledby="polis-upload-heading">
        <h2 id="polis-upload-heading">{t("upload.title")}</h2>
        <label className="field">
          {t("upload.slug")}
          <input value={slug} onChange={(e) => setSlug(e.target.value)} required />
          <FieldErrors id="polis-slug-errors" messages={error?.fieldErrors("slug") ?? []} />
        </label>
        {FILES.map((file) => (
          <label key={file.field} className="field">
            {file.required ? file.name : t("upload.optional", { name: file.name })}
            <input
              type="file"
              accept=".csv,text/csv"
              onChange={(e) => {
                const chosen = e.target.files?.[0];
                setFiles((current) => ({ ...current, [file.field]: chosen }));
              }}
            />
            <FieldErrors id={`polis-${file.field}-errors`} messages={error?.fieldErrors(file.field) ?? []} />
          </label>
        ))}
        <FieldErrors id="polis-files-errors" messages={error?.fieldErrors("files") ?? []} />
        <ErrorMessage error={upload.error} />
        {upload.data && (
          <p role="status">
            {t("upload.done", {
              slug: upload.data.slug,
              comments: formatCount(upload.data.comments),
              participants: formatCount(upload.data.participants),
            })}
          </p>
        )}
        <div>
          <button type="submit" disabled={upload.isPending || !ready}>
            {t("upload.submit")}
          </button>
        </div>
      </form>
      <section aria-labelledby="polis-list-heading" className="stack">
        <h2 id="polis-list-heading">{t("list.title")}</h2>
        {conversations.isPending && <Loading />}
        <ErrorMessage error={conversations.error} />
        {conversations.data && conversations.data.length === 0 && <p>{t("list.empty")}</p>}
        {conversations.data && conversations.data.length > 0 && (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("list.conversation")}</th>
                  <th scope="col">{t("list.topic")}</th>
                  <th scope="col">{t("list.comments")}</th>
                  <th scope="col">{t("list.participants")}</th>
                  <th scope="col">{t("list.imported")}</th>
                </tr>
              </thead>
              <tbody>
                {conversations.data.map((c) => (
                  <tr key={c.slug}>
                    <th scope="row">{c.url ? <a href={c.url}>{c.slug}</a> : c.slug}</th>
                    <td>{c.topic || "—"}</td>
                    <td>{formatCount(c.comments)}</td>
                    <td>{formatCount(c.participants)}</td>
                    <td>
                      <time dateTime={c.imported_at}>{formatDateTime(c.imported_at)}</time>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </main>
  );
}
