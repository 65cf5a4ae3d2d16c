import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { ApiError } from "../../../lib/api/errors";
import { useUploadQuestions } from "../hooks/useArgue";

/** Researchers: import a JSONL or CSV question file; a bad file lists its problems by line. */
export function QuestionUploadForm() {
  const upload = useUploadQuestions();
  const { t } = useTranslation("debates");
  const [file, setFile] = useState<File | null>(null);
  const [dataset, setDataset] = useState("");
  const [name, setName] = useState("");
  const [split, setSplit] = useState("");
  const problems = upload.error instanceof ApiError ? Object.entries(upload.error.fields) : [];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (file) upload.mutate({ file, dataset, name, split });
  };
  return (
    <form onSubmit={submit} className="stack" aria-labelledby="upload-heading">
      <h2 id="upload-heading">{t("upload.title")}</h2>
      <p className="muted">{t("upload.help")}</p>
      <label htmlFor="question-file">{t("upload.file")}</label>
      <input
        id="question-file"
        type="file"
        accept=".jsonl,.csv"
        onChange={(event) => setFile(event.target.files?.[0] ?? null)}
      />
      <label htmlFor="question-dataset">{t("upload.dataset")}</label>
      <input id="question-dataset" value={dataset} onChange={(event) => setDataset(event.target.value)} required />
      <label htmlFor="question-set-name">{t("upload.name")}</label>
      <input id="question-set-name" value={name} onChange={(event) => setName(event.target.value)} />
      <label htmlFor="question-split">{t("upload.split")}</label>
      <input id="question-split" value={split} onChange={(event) => setSplit(event.target.value)} />
      <button type="submit" disabled={upload.isPending || !file}>
        {t("upload.submit")}
      </button>
      {problems.length > 0 ? (
        <div role="alert" className="error">
          <p>{t("upload.problems")}</p>
          <ul>
            {problems.map(([where, messages]) => (
              <li key={where}>
                {t("upload.problem", { where, messages: messages.join("; ") })}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <ErrorMessage error={upload.error} />
      )}
      {upload.data && (
        <p role="status">{t("upload.done", { name: upload.data.name, count: upload.data.questions })}</p>
      )}
    </form>
  );
}
