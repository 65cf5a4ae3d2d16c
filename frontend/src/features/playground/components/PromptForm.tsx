import { Button, Group, NativeSelect, NumberInput, SimpleGrid, Stack, Textarea } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "../../../components/EmptyState";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { Loading } from "../../../components/Loading";
import { ApiError } from "../../../lib/api/errors";
import type { Generation } from "../api/generations";
import { useCreateGeneration, usePlaygroundExamples, usePromptableLines } from "../hooks/useGenerations";

export function PromptForm({ onCreated }: { onCreated: (generation: Generation) => void }) {
  const lines = usePromptableLines();
  const examples = usePlaygroundExamples();
  const create = useCreateGeneration();
  const { t } = useTranslation("playground");
  const [line, setLine] = useState("");
  const [prompt, setPrompt] = useState("");
  const [maxNewTokens, setMaxNewTokens] = useState<number | string>(256);
  const [temperature, setTemperature] = useState<number | string>(0.7);

  const selectedLine = line || lines.data?.[0]?.slug || "";
  const apiError = create.error instanceof ApiError ? create.error : null;
  // Mantine shows a field's messages under it and links them to the input (aria-describedby).
  const errorsFor = (field: string) => apiError?.fieldErrors(field).join(" ") || undefined;

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
    return <EmptyState>{t("form.noLines")}</EmptyState>;
  }

  return (
    <form onSubmit={onSubmit} aria-label={t("form.label")}>
      <Stack>
        <ErrorMessage error={create.error} />
        <NativeSelect
          label={t("form.line")}
          value={selectedLine}
          onChange={(e) => setLine(e.currentTarget.value)}
          error={errorsFor("line")}
          data={lines.data.map((option) => ({
            value: option.slug,
            label: t("form.lineOption", { name: option.name, number: option.published_version?.number }),
          }))}
        />
        {examples.data && examples.data.length > 0 && (
          <NativeSelect
            label={t("form.example")}
            value=""
            onChange={(e) => e.currentTarget.value && setPrompt(e.currentTarget.value)}
            data={[
              { value: "", label: t("form.chooseExample") },
              ...examples.data.map((example) => ({
                value: example.prompt,
                label:
                  example.prompt.length > 90
                    ? t("form.truncated", { text: example.prompt.slice(0, 90) })
                    : example.prompt,
              })),
            ]}
          />
        )}
        <Textarea
          label={t("form.prompt")}
          // Not autosize: that needs document.fonts, which jsdom (the unit tests) lacks.
          rows={6}
          resize="vertical"
          required
          withAsterisk={false}
          value={prompt}
          onChange={(e) => setPrompt(e.currentTarget.value)}
          error={errorsFor("prompt")}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <NumberInput
            label={t("form.maxNewTokens")}
            min={1}
            step={1}
            allowDecimal={false}
            value={maxNewTokens}
            onChange={setMaxNewTokens}
            error={errorsFor("max_new_tokens")}
          />
          <NumberInput
            label={t("form.temperature")}
            min={0}
            step={0.1}
            value={temperature}
            onChange={setTemperature}
            error={errorsFor("temperature")}
          />
        </SimpleGrid>
        <Group>
          <Button type="submit" disabled={create.isPending || prompt.trim() === ""}>
            {t("form.generate")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
