import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ErrorMessage, inputError } from "../../../components/ErrorMessage";
import { ApiError } from "../../../lib/api/errors";
import type { Policy } from "../api/policies";
import { useSavePolicy } from "../hooks/usePolicies";
import { GATES, RECIPES } from "./gates";

function jsonText(value: unknown): string {
  return JSON.stringify(value ?? {}, null, 2);
}

/** An object parsed from JSON text, or why it is not one (a key under "form"). */
function parseObject(text: string): { value: Record<string, unknown> } | { problem: "notObject" | "notJson" } {
  try {
    const value: unknown = JSON.parse(text || "{}");
    if (typeof value === "object" && value !== null && !Array.isArray(value)) {
      return { value: value as Record<string, unknown> };
    }
    return { problem: "notObject" };
  } catch {
    return { problem: "notJson" };
  }
}

/** Admins set a line's gates and periodic-training trigger. */
export function PolicyForm({ policy }: { policy: Policy }) {
  const save = useSavePolicy(policy.line);
  const { t } = useTranslation("policies");
  const [gates, setGates] = useState<Record<string, string>>(() =>
    Object.fromEntries(GATES.map((gate) => [gate, policy.gates[gate]?.toString() ?? ""])),
  );
  const [autoTrain, setAutoTrain] = useState(policy.auto_train);
  const [every, setEvery] = useState(String(policy.check_every_minutes));
  const [minSignals, setMinSignals] = useState(String(policy.min_new_signals));
  const [recipe, setRecipe] = useState(policy.recipe);
  const [autoPublish, setAutoPublish] = useState(policy.auto_publish);
  const [perSubset, setPerSubset] = useState(policy.eval_llmbar_per_subset?.toString() ?? "");
  const [datasetRecipe, setDatasetRecipe] = useState(jsonText(policy.dataset_recipe));
  const [trainingConfig, setTrainingConfig] = useState(jsonText(policy.training_config));
  const [saved, setSaved] = useState(false);
  const parsedRecipe = parseObject(datasetRecipe);
  const parsedConfig = parseObject(trainingConfig);
  const error = save.error instanceof ApiError ? save.error : null;
  const fieldErrors = (field: string) => error?.fieldErrors(field) ?? [];
  const gateErrors = fieldErrors("gates");

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!("value" in parsedRecipe) || !("value" in parsedConfig)) return;
    setSaved(false);
    save.mutate(
      {
        // An empty threshold leaves the gate unchecked.
        gates: Object.fromEntries(
          Object.entries(gates)
            .filter(([, value]) => value.trim() !== "")
            .map(([name, value]) => [name, Number(value)]),
        ),
        auto_train: autoTrain,
        check_every_minutes: Number(every),
        min_new_signals: Number(minSignals),
        recipe,
        auto_publish: autoPublish,
        eval_llmbar_per_subset: perSubset.trim() ? Number(perSubset) : null,
        dataset_recipe: parsedRecipe.value,
        training_config: parsedConfig.value,
      },
      { onSuccess: () => setSaved(true) },
    );
  }

  return (
    <Paper component="form" withBorder p="md" onSubmit={submit} aria-labelledby="policy-form-heading">
      <Stack>
        <Title order={3} id="policy-form-heading">
          {t("form.title", { line: policy.line })}
        </Title>
        <Fieldset legend={t("form.gates")}>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
            {GATES.map((gate) => (
              <NumberInput
                key={gate}
                label={t(`gates.${gate}`)}
                value={gates[gate] ?? ""}
                onChange={(value) => setGates({ ...gates, [gate]: String(value) })}
              />
            ))}
          </SimpleGrid>
          {gateErrors.map((message) => (
            <Text key={message} size="sm" c="red.9" mt="xs">
              {message}
            </Text>
          ))}
        </Fieldset>
        <Fieldset legend={t("trigger.title")}>
          <Stack>
            <Checkbox label={t("form.autoTrain")} checked={autoTrain} onChange={(e) => setAutoTrain(e.currentTarget.checked)} />
            <Checkbox
              label={t("form.autoPublish")}
              checked={autoPublish}
              onChange={(e) => setAutoPublish(e.currentTarget.checked)}
            />
            <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
              <NumberInput
                label={t("form.every")}
                value={every}
                onChange={(value) => setEvery(String(value))}
                allowDecimal={false}
                error={inputError(fieldErrors("check_every_minutes"))}
              />
              <NumberInput
                label={t("form.minSignals")}
                value={minSignals}
                onChange={(value) => setMinSignals(String(value))}
                allowDecimal={false}
                error={inputError(fieldErrors("min_new_signals"))}
              />
              <NativeSelect
                label={t("form.recipe")}
                value={recipe}
                onChange={(e) => setRecipe(e.currentTarget.value as typeof recipe)}
              >
                {RECIPES.map((r) => (
                  <option key={r} value={r}>
                    {t(`recipes.${r}`)}
                  </option>
                ))}
              </NativeSelect>
              <NumberInput
                label={t("form.perSubset")}
                value={perSubset}
                onChange={(value) => setPerSubset(String(value))}
                allowDecimal={false}
                error={inputError(fieldErrors("eval_llmbar_per_subset"))}
              />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <Textarea
                label={t("form.datasetRecipe")}
                rows={6}
                ff="monospace"
                value={datasetRecipe}
                onChange={(e) => setDatasetRecipe(e.currentTarget.value)}
                error={inputError([
                  ...("problem" in parsedRecipe ? [t(`form.${parsedRecipe.problem}`)] : []),
                  ...fieldErrors("dataset_recipe"),
                  ...fieldErrors("kinds"),
                ])}
              />
              <Textarea
                label={t("form.trainingConfig")}
                rows={6}
                ff="monospace"
                value={trainingConfig}
                onChange={(e) => setTrainingConfig(e.currentTarget.value)}
                error={inputError([
                  ...("problem" in parsedConfig ? [t(`form.${parsedConfig.problem}`)] : []),
                  ...fieldErrors("training_config"),
                  ...fieldErrors("config"),
                ])}
              />
            </SimpleGrid>
          </Stack>
        </Fieldset>
        <ErrorMessage error={save.error} />
        {saved && (
          <Alert color="green" role="status">
            {t("form.saved")}
          </Alert>
        )}
        <Group>
          <Button type="submit" disabled={save.isPending}>
            {t("form.save")}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
