import { Button, Checkbox, Fieldset, Group, NativeSelect, NumberInput, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
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
  const label = param.name.replaceAll("_", " ");
  const description = (
    <>
      {param.help}
      {param.type === "list" && <> {t("form.commaSeparated")}</>}
      {param.nullable && <> {t("form.nullable")}</>}
    </>
  );
  // Mantine links the description and the errors to the input (aria-describedby).
  const error = errors.length > 0 ? errors.join(" ") : undefined;
  if (param.type === "boolean") {
    return (
      <Checkbox
        label={label}
        description={description}
        error={error}
        checked={value === true}
        onChange={(e) => onChange(e.currentTarget.checked)}
      />
    );
  }
  if (param.choices) {
    return (
      <NativeSelect
        label={label}
        description={description}
        error={error}
        value={String(value)}
        onChange={(e) => onChange(e.currentTarget.value)}
        data={param.choices}
      />
    );
  }
  if (param.type === "integer" || param.type === "number") {
    return (
      <NumberInput
        label={label}
        description={description}
        error={error}
        allowDecimal={param.type === "number"}
        // The form keeps text (parsed() reads it on submit), so an emptied field stays empty.
        value={typeof value === "string" ? value : ""}
        onChange={(number) => onChange(String(number))}
      />
    );
  }
  return (
    <TextInput
      label={label}
      description={description}
      error={error}
      value={String(value)}
      onChange={(e) => onChange(e.currentTarget.value)}
    />
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
    <form onSubmit={submit} aria-label={t("form.kindForm", { title: kind.title })}>
      <Stack>
        <Text c="dimmed">{kind.description}</Text>
        <Fieldset legend={t("form.parameters")}>
          <Stack>
            {kind.params.map((param) => (
              <ParamField
                key={param.name}
                param={param}
                value={values[param.name] ?? ""}
                onChange={(value) => setValues((current) => ({ ...current, [param.name]: value }))}
                errors={error?.fieldErrors(param.name) ?? []}
              />
            ))}
          </Stack>
        </Fieldset>
        <FieldErrors
          id="study-errors"
          messages={[...(error?.fieldErrors("params") ?? []), ...(error?.fieldErrors("kind") ?? [])]}
        />
        <Group>
          <Button type="submit" loading={start.isPending}>
            {t("form.submit")}
          </Button>
        </Group>
        {error && Object.keys(error.fields).length === 0 && <ErrorMessage error={error} />}
      </Stack>
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
    <Paper component="section" withBorder p="md" className="no-print" aria-label={t("form.title")}>
      <Stack>
        <Title order={2}>{t("form.title")}</Title>
        <NativeSelect
          label={t("form.kind")}
          value={kind.name}
          onChange={(e) => setChosen(e.currentTarget.value)}
          data={kinds.data?.map((k) => ({ value: k.name, label: k.title })) ?? []}
        />
        <KindForm key={kind.name} kind={kind} onStarted={onStarted} />
      </Stack>
    </Paper>
  );
}
