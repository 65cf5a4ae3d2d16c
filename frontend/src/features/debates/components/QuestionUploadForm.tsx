import { useState, type FormEvent } from "react";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { ApiError } from "../../../lib/api/errors";
import { useUploadQuestions } from "../hooks/useArgue";

/** Researchers: import a JSONL or CSV question file; a bad file lists its problems by line. */
export function QuestionUploadForm() {
  const upload = useUploadQuestions();
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
      <h2 id="upload-heading">Import questions</h2>
      <p className="muted">
        JSONL: one object a line with question, options, correct (index or letter), and optionally key, passage,
        passage_title, tags. CSV columns: key, question, passage, option_a, option_b, …, correct, tags (a;b).
        Importing the same file again changes nothing.
      </p>
      <label htmlFor="question-file">Question file (JSONL or CSV)</label>
      <input
        id="question-file"
        type="file"
        accept=".jsonl,.csv"
        onChange={(event) => setFile(event.target.files?.[0] ?? null)}
      />
      <label htmlFor="question-dataset">Dataset</label>
      <input id="question-dataset" value={dataset} onChange={(event) => setDataset(event.target.value)} required />
      <label htmlFor="question-set-name">Name (optional)</label>
      <input id="question-set-name" value={name} onChange={(event) => setName(event.target.value)} />
      <label htmlFor="question-split">Split (optional)</label>
      <input id="question-split" value={split} onChange={(event) => setSplit(event.target.value)} />
      <button type="submit" disabled={upload.isPending || !file}>
        Import
      </button>
      {problems.length > 0 ? (
        <div role="alert" className="error">
          <p>Nothing was imported. Fix these and upload again:</p>
          <ul>
            {problems.map(([where, messages]) => (
              <li key={where}>
                {where}: {messages.join("; ")}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <ErrorMessage error={upload.error} />
      )}
      {upload.data && (
        <p role="status">
          Question set “{upload.data.name}”: {upload.data.questions} question(s).
        </p>
      )}
    </form>
  );
}
