import { useId, useState, type FormEvent } from "react";
import { ErrorMessage, FieldErrors } from "../../../components/ErrorMessage";
import { Loading } from "../../../components/Loading";
import { ApiError } from "../../../lib/api/errors";
import type { Generation } from "../api/generations";
import { useCreateGeneration, usePromptableLines } from "../hooks/useGenerations";

export function PromptForm({ onCreated }: { onCreated: (generation: Generation) => void }) {
  const id = useId();
  const lines = usePromptableLines();
  const create = useCreateGeneration();
  const [line, setLine] = useState("");
  const [prompt, setPrompt] = useState("");
  const [maxNewTokens, setMaxNewTokens] = useState("256");
  const [temperature, setTemperature] = useState("0.7");

  const selectedLine = line || lines.data?.[0]?.slug || "";
  const apiError = create.error instanceof ApiError ? create.error : null;
  const errorsFor = (field: string) => apiError?.fieldErrors(field) ?? [];

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.mutate(
      {
        line: selectedLine,
        prompt,
        max_new_tokens: Number(maxNewTokens),
        temperature: Number(temperature),
      },
      { onSuccess: onCreated },
    );
  }

  if (lines.isPending) return <Loading label="Loading model lines…" />;
  if (lines.isError) return <ErrorMessage error={lines.error} />;
  if (lines.data.length === 0) {
    return <p>No model line has a published version yet, so there is nothing to prompt.</p>;
  }

  return (
    <form onSubmit={onSubmit} className="stack" aria-label="Prompt a model">
      <ErrorMessage error={create.error} />
      <div className="field">
        <label htmlFor={`${id}-line`}>Model line</label>
        <select id={`${id}-line`} value={selectedLine} onChange={(e) => setLine(e.target.value)}>
          {lines.data.map((option) => (
            <option key={option.slug} value={option.slug}>
              {option.name} (version {option.published_version?.number})
            </option>
          ))}
        </select>
        <FieldErrors id={`${id}-line-errors`} messages={errorsFor("line")} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-prompt`}>Prompt</label>
        <textarea
          id={`${id}-prompt`}
          rows={6}
          required
          value={prompt}
          onChange={(e) => setPrompt(e.target.value)}
        />
        <FieldErrors id={`${id}-prompt-errors`} messages={errorsFor("prompt")} />
      </div>
      <div className="row">
        <div className="field">
          <label htmlFor={`${id}-max`}>Max new tokens</label>
          <input
            id={`${id}-max`}
            type="number"
            min={1}
            step={1}
            value={maxNewTokens}
            onChange={(e) => setMaxNewTokens(e.target.value)}
          />
          <FieldErrors id={`${id}-max-errors`} messages={errorsFor("max_new_tokens")} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-temperature`}>Temperature</label>
          <input
            id={`${id}-temperature`}
            type="number"
            min={0}
            step={0.1}
            value={temperature}
            onChange={(e) => setTemperature(e.target.value)}
          />
          <FieldErrors id={`${id}-temperature-errors`} messages={errorsFor("temperature")} />
        </div>
      </div>
      <div>
        <button type="submit" disabled={create.isPending || prompt.trim() === ""}>
          Generate
        </button>
      </div>
    </form>
  );
}
