import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  TextInput,
  Title,
} from "@mantine/core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ErrorMessage, inputError } from "../../../components/ErrorMessage";
import { ApiError } from "../../../lib/api/errors";
import type { Run } from "../api/loop";
import { useLines, useStartRun } from "../hooks/useLoop";
import { VersionSelect } from "./VersionSelect";

// Each recipe's name is `start.recipes.<value>` in the catalogue.
const RECIPES = [
  { value: "dpo", format: "preference" },
  { value: "reward", format: "preference" },
  { value: "sft", format: "sft" },
  { value: "weak_to_strong", format: "preference" },
  { value: "alternating", format: "sft" },
] as const;

function numbers(text: string): number[] {
  return text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .map(Number);
}

/** Admins start a run: line, recipe, base version, the dataset recipe and a few settings. */
export function StartRunForm({ onStarted }: { onStarted: (run: Run) => void }) {
  const lines = useLines();
  const start = useStartRun();
  const { t } = useTranslation("training");
  const [line, setLine] = useState("");
  const [recipe, setRecipe] = useState<(typeof RECIPES)[number]["value"]>("dpo");
  const [base, setBase] = useState("");
  const [kinds, setKinds] = useState("preference");
  const [steps, setSteps] = useState("50");
  const [autoPublish, setAutoPublish] = useState(false);
  const [conditioned, setConditioned] = useState(false);
  const [weakLine, setWeakLine] = useState("");
  const [weakVersion, setWeakVersion] = useState("");
  const [labelNoise, setLabelNoise] = useState("0");
  const [qaItems, setQaItems] = useState(false);
  const [conformity, setConformity] = useState("");
  const [schedule, setSchedule] = useState("0.5, 1.0");
  const error = start.error instanceof ApiError ? start.error : null;
  const chosenLine = line || lines.data?.results[0]?.slug || "";

  function runConfig(): Record<string, unknown> {
    if (recipe === "weak_to_strong") {
      return { max_steps: Number(steps), weak_version: Number(weakVersion), label_noise: Number(labelNoise) };
    }
    if (recipe === "alternating") {
      // Steps per step of each round: competence SFT, then conformity DPO.
      return {
        competence_steps: Number(steps),
        conformity_steps: Number(steps),
        conformity_snapshot: Number(conformity),
        difficulty_schedule: numbers(schedule),
      };
    }
    return { max_steps: Number(steps) };
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const format =
      recipe === "weak_to_strong" && qaItems
        ? "binary_qa"
        : (RECIPES.find((r) => r.value === recipe)?.format ?? "preference");
    start.mutate(
      {
        line: chosenLine,
        recipe,
        base_version: base ? Number(base) : null,
        dataset_recipe: {
          kinds: kinds.split(",").map((k) => k.trim()).filter(Boolean),
          format,
          ...(conditioned ? { condition_on_constitution: true } : {}),
        },
        config: runConfig(),
        auto_publish: autoPublish,
      },
      { onSuccess: onStarted },
    );
  }

  return (
    <Paper component="form" withBorder p="md" onSubmit={submit} aria-labelledby="start-run-heading">
      <Stack>
        <Title order={2} id="start-run-heading">
          {t("start.title")}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NativeSelect
            label={t("start.line")}
            value={chosenLine}
            onChange={(e) => {
              setLine(e.currentTarget.value);
              // A version of the previous line is no base for this one.
              setBase("");
            }}
            error={inputError(error?.fieldErrors("line") ?? [])}
          >
            {lines.data?.results.map((l) => (
              <option key={l.slug} value={l.slug}>
                {l.name}
              </option>
            ))}
          </NativeSelect>
          <NativeSelect
            label={t("start.recipe")}
            value={recipe}
            onChange={(e) => setRecipe(e.currentTarget.value as typeof recipe)}
          >
            {RECIPES.map((r) => (
              <option key={r.value} value={r.value}>
                {t(`start.recipes.${r.value}`)}
              </option>
            ))}
          </NativeSelect>
          <VersionSelect
            label={t("start.base")}
            line={chosenLine}
            value={base}
            onChange={setBase}
            emptyLabel={t("start.basePublished")}
            errors={error?.fieldErrors("base_version") ?? []}
          />
          <TextInput
            label={t("start.kinds")}
            value={kinds}
            onChange={(e) => setKinds(e.currentTarget.value)}
            error={inputError([...(error?.fieldErrors("kinds") ?? []), ...(error?.fieldErrors("snapshot") ?? [])])}
          />
          <NumberInput
            label={t("start.steps")}
            value={steps}
            onChange={(value) => setSteps(String(value))}
            allowDecimal={false}
            error={inputError(error?.fieldErrors("config") ?? [])}
          />
        </SimpleGrid>
        <Checkbox
          label={t("start.conditioned")}
          checked={conditioned}
          onChange={(e) => setConditioned(e.currentTarget.checked)}
        />
        <Checkbox
          label={t("start.autoPublish")}
          checked={autoPublish}
          onChange={(e) => setAutoPublish(e.currentTarget.checked)}
        />
        {recipe === "weak_to_strong" && (
          <Fieldset legend={t("start.weakSettings")}>
            <Stack>
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <NativeSelect
                  label={t("start.weakLine")}
                  value={weakLine || chosenLine}
                  onChange={(e) => setWeakLine(e.currentTarget.value)}
                >
                  {lines.data?.results.map((l) => (
                    <option key={l.slug} value={l.slug}>
                      {l.name}
                    </option>
                  ))}
                </NativeSelect>
                <VersionSelect
                  label={t("start.weakVersion")}
                  line={weakLine || chosenLine}
                  value={weakVersion}
                  onChange={setWeakVersion}
                  emptyLabel={t("start.chooseVersion")}
                  errors={[]}
                />
                <NumberInput
                  label={t("start.labelNoise")}
                  value={labelNoise}
                  onChange={(value) => setLabelNoise(String(value))}
                />
              </SimpleGrid>
              <Checkbox label={t("start.qaItems")} checked={qaItems} onChange={(e) => setQaItems(e.currentTarget.checked)} />
            </Stack>
          </Fieldset>
        )}
        {recipe === "alternating" && (
          <Fieldset legend={t("start.alternatingSettings")}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NumberInput
                label={t("start.conformity")}
                value={conformity}
                onChange={(value) => setConformity(String(value))}
                allowDecimal={false}
                allowNegative={false}
              />
              <TextInput label={t("start.schedule")} value={schedule} onChange={(e) => setSchedule(e.currentTarget.value)} />
            </SimpleGrid>
          </Fieldset>
        )}
        <ErrorMessage error={start.error} />
        <Group>
          <Button type="submit" disabled={start.isPending || !chosenLine}>
            {t("start.submit")}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
