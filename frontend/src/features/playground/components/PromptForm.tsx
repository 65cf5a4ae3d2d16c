import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ErrorMessage, FieldErrors } from "../../../components/ErrorMessage";
import { Loading } from "../../../components/Loading";
import { ApiError } from "../../../lib/api/errors";
import type { Generation } from "../api/generations";
import { useCreateGeneration, usePlaygroundExamples, usePromptableLines } from "../hooks/useGenerations";

export function PromptForm({ onCreated }: { onCreated: (generation: Generation) => void }) {
  const id = useId();
  const lines = usePromptableLines();
  const examples = usePlaygroundExamples();
  const create = useCreateGeneration();
  const { t } = useTranslation("playground");
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

  if (lines.isPending) return <Loading label={t("form.loadingLines")} />;
  if (lines.isError) return <ErrorMessage error={lines.error} />;
  if (lines.data.length === 0) {
    return <p>{t("form.noLines")}</p>;
  }

  return (
    <form onSubmit={onSubmit} className="stack" aria-label={t("form.label")}>
      <ErrorMessage error={create.error} />
      <div className="field">
        <label htmlFor={`${id}-line`}>{t("form.line")}</label>
        <select id={`${id}-line`} value={selectedLine} onChange={(e) => setLine(e.target.value)}>
          {lines.data.map((option) => (
            <option key={option.slug} value={option.slug}>
              {t("form.lineOption", { name: option.name, number: option.published_version?.number })}
            </option>
          ))}
        </select>
        <FieldErrors id={`${id}-line-errors`} messages={errorsFor("line")} />
      </div>
      {examples.data && examples.data.length > 0 && (
        <div className="field">
          <label htmlFor={`${id}-example`}>{t("form.example")}</label>
          <select id={`${id}-example`} value="" onChange={(e) => e.target.value && setPrompt(e.target.value)}>
            <option value="">{t("form.chooseExample")}</option>
            {examples.data.map((example) => (
              <option key={example.prompt} value={example.prompt}>
                {example.prompt.length > 90 ? t("form.truncated", { text: example.prompt.slice(0, 90) }) : example.prompt}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-prompt`}>{t("form.prompt")}</label>
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
          <label htmlFor={`${id}-max`}>{t("form.maxNewTokens")}</label>
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
          <label htmlFor={`${id}-temperature`}>{t("form.temperature")}</label>
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
          {t("form.generate")}
        </button>
      </div>
    </form>
  );
}
