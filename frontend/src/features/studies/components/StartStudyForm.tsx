import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ErrorMessage, FieldErrors } from "../../../components/ErrorMessage";
import { ApiError } from "../../../lib/api/errors";
import type { Study, StudyKind, StudyParam } from "../api/studies";
import { useStartStudy, useStudyKinds } from "../hooks/useStudies";

/** A parameter's default as the form shows it: lists comma-separated, objects as JSON. */
function shown(param: StudyParam): string | boolean {
  const value = param.default;
  if (param.type === "boolean") return value === true;
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.join(", ");
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** What the form holds, as the JSON the API takes; text it cannot read is sent as typed, so
 * that the server names the field. */
function parsed(param: StudyParam, value: string | boolean): unknown {
  if (typeof value === "boolean") return value;
  const text = value.trim();
  if (text === "" && param.nullable) return null;
  const scalar = (item: string, type: string | null) =>
    (type === "integer" || type === "number") && item !== "" && !Number.isNaN(Number(item)) ? Number(item) : item;
  if (param.type === "list") {
    return text === "" ? [] : text.split(",").map((item) => scalar(item.trim(), param.items));
  }
  if (param.type === "object") {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  return scalar(text, param.type);
}

function ParamField({
  param,
  value,
  onChange,
  errors,
}: {
  param: StudyParam;
  value: string | boolean;
  onChange: (value: string | boolean) => void;
  errors: string[];
}) {
  const { t } = useTranslation("studies");
  const id = `param-${param.name}`;
  const describedBy = errors.length > 0 ? `${id}-errors` : `${id}-help`;
  const label = param.name.replaceAll("_", " ");
  let input;
  if (param.type === "boolean") {
    input = (
      <input id={id} type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} aria-describedby={describedBy} />
    );
  } else if (param.choices) {
    input = (
      <select id={id} value={String(value)} onChange={(e) => onChange(e.target.value)} aria-describedby={describedBy}>
        {param.choices.map((choice) => (
          <option key={choice} value={choice}>
            {choice}
          </option>
        ))}
      </select>
    );
  } else {
    const numeric = param.type === "integer" || param.type === "number";
    input = (
      <input
        id={id}
        type={numeric ? "number" : "text"}
        step={param.type === "integer" ? 1 : "any"}
        value={String(value)}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={describedBy}
        aria-invalid={errors.length > 0}
      />
    );
  }
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {input}
      <span id={`${id}-help`} className="muted">
        {param.help}
        {param.type === "list" && <> {t("form.commaSeparated")}</>}
        {param.nullable && <> {t("form.nullable")}</>}
      </span>
      <FieldErrors id={`${id}-errors`} messages={errors} />
    </div>
  );
}

function KindForm({ kind, onStarted }: { kind: StudyKind; onStarted: (study: Study) => void }) {
  const start = useStartStudy();
  const { t } = useTranslation("studies");
  const [values, setValues] = useState<Record<string, string | boolean>>(() =>
    Object.fromEntries(kind.params.map((p) => [p.name, shown(p)])),
  );
  const error = start.error instanceof ApiError ? start.error : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    const params = Object.fromEntries(kind.params.map((p) => [p.name, parsed(p, values[p.name] ?? "")]));
    start.mutate({ kind: kind.name, params }, { onSuccess: onStarted });
  }

  return (
    <form onSubmit={submit} className="stack" aria-label={t("form.kindForm", { title: kind.title })}>
      <p className="muted">{kind.description}</p>
      {kind.params.map((param) => (
        <ParamField
          key={param.name}
          param={param}
          value={values[param.name] ?? ""}
          onChange={(value) => setValues((current) => ({ ...current, [param.name]: value }))}
          errors={error?.fieldErrors(param.name) ?? []}
        />
      ))}
      <FieldErrors id="study-errors" messages={[...(error?.fieldErrors("params") ?? []), ...(error?.fieldErrors("kind") ?? [])]} />
      <div>
        <button type="submit" disabled={start.isPending}>
          {t("form.submit")}
        </button>
      </div>
      {error && Object.keys(error.fields).length === 0 && <ErrorMessage error={error} />}
    </form>
  );
}

/** Choose a kind; its form is generated from the kind's parameters (type, default, help). */
export function StartStudyForm({ onStarted }: { onStarted: (study: Study) => void }) {
  const kinds = useStudyKinds();
  const { t } = useTranslation("studies");
  const [chosen, setChosen] = useState("");
  if (kinds.isError) return <ErrorMessage error={kinds.error} />;
  const kind = kinds.data?.find((k) => k.name === chosen) ?? kinds.data?.[0];
  if (!kind) return null;
  return (
    <section className="stack no-print" aria-label={t("form.title")}>
      <h2>{t("form.title")}</h2>
      <label className="field">
        {t("form.kind")}
        <select value={kind.name} onChange={(e) => setChosen(e.target.value)}>
          {kinds.data?.map((k) => (
            <option key={k.name} value={k.name}>
              {k.title}
            </option>
          ))}
        </select>
      </label>
      <KindForm key={kind.name} kind={kind} onStarted={onStarted} />
    </section>
  );
}
