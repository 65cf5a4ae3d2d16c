import { Stack, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { GenerationHistory } from "./GenerationHistory";
import { GenerationView } from "./GenerationView";
import { PromptForm } from "./PromptForm";

function parseId(value: string | null): number | null {
  const id = Number(value);
  return value !== null && Number.isInteger(id) && id > 0 ? id : null;
}

export function PlaygroundPage() {
  const [params, setParams] = useSearchParams();
  const selected = parseId(params.get("generation"));
  const { t } = useTranslation("playground");

  return (
    <Stack component="main">
      <Title order={1}>{t("page.title")}</Title>
      <PromptForm onCreated={(generation) => setParams({ generation: String(generation.id) })} />
      {selected !== null && <GenerationView key={selected} id={selected} />}
      <GenerationHistory selected={selected} />
    </Stack>
  );
}
