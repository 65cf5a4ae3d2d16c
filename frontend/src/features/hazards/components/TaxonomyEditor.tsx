import { Button, Fieldset, Group, List, NumberInput, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from "@mantine/core";
import { memo, useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { Loading } from "../../../components/Loading";
import { DraftError, type Taxonomy } from "../api/hazards";
import { useCreateTaxonomy, useTaxonomies } from "../hooks/useSetup";
import { Disclosure } from "./Disclosure";

type CategoryDraft = { code: string; name: string; definition: string; examples: string };
type LevelDraft = { level: number; label: string; description: string };

type Edit<Draft> = (index: number, change: Partial<Draft> | null) => void;

/** One category's fields; `onEdit(index, null)` removes it. */
const CategoryFieldset = memo(function CategoryFieldset({
  index,
  category,
  onEdit,
}: {
  index: number;
  category: CategoryDraft;
  onEdit: Edit<CategoryDraft>;
}) {
  const { t } = useTranslation("hazards");
  return (
    <Fieldset legend={t("taxonomy.category", { n: index + 1 })}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label={t("taxonomy.code")} value={category.code} onChange={(e) => onEdit(index, { code: e.currentTarget.value })} />
          <TextInput label={t("taxonomy.name")} value={category.name} onChange={(e) => onEdit(index, { name: e.currentTarget.value })} />
        </SimpleGrid>
        <Textarea
          label={t("taxonomy.definition")}
          value={category.definition}
          onChange={(e) => onEdit(index, { definition: e.currentTarget.value })}
          rows={2}
          resize="vertical"
        />
        <Textarea
          label={t("taxonomy.examples")}
          value={category.examples}
          onChange={(e) => onEdit(index, { examples: e.currentTarget.value })}
          rows={2}
          resize="vertical"
        />
        <Group>
          <Button
            variant="light"
            color="red"
            onClick={() => onEdit(index, null)}
          >
            {t("taxonomy.removeCategory", { n: index + 1 })}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
});

/** One severity level's fields; `onEdit(index, null)` removes it. */
const LevelFieldset = memo(function LevelFieldset({
  index,
  level,
  onEdit,
}: {
  index: number;
  level: LevelDraft;
  onEdit: Edit<LevelDraft>;
}) {
  const { t } = useTranslation("hazards");
  return (
    <Fieldset legend={t("taxonomy.level", { n: index + 1 })}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <NumberInput
            label={t("taxonomy.levelValue")}
            min={0}
            max={10}
            allowDecimal={false}
            value={level.level}
            onChange={(value) => onEdit(index, { level: Number(value) })}
          />
          <TextInput label={t("taxonomy.levelLabel")} value={level.label} onChange={(e) => onEdit(index, { label: e.currentTarget.value })} />
          <TextInput
            label={t("taxonomy.levelDescription")}
            value={level.description}
            onChange={(e) => onEdit(index, { description: e.currentTarget.value })}
          />
        </SimpleGrid>
        <Group>
          <Button variant="light" color="red" onClick={() => onEdit(index, null)}>
            {t("taxonomy.removeLevel", { n: index + 1 })}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
});

/** Editing never changes a stored version: saving posts the draft as the next version. */
function Editor({ current }: { current: Taxonomy }) {
  const save = useCreateTaxonomy();
  const { t } = useTranslation("hazards");
  const [note, setNote] = useState("");
  const [categories, setCategories] = useState<CategoryDraft[]>(() =>
    current.categories.map((c) => ({ ...c, examples: c.examples.join("\n") })),
  );
  const [levels, setLevels] = useState<LevelDraft[]>(() =>
    current.severity_scale.map((l) => ({ ...l, description: l.description ?? "" })),
  );
  // Stable callbacks: a keystroke re-renders only the fieldset it was typed into (memo below).
  const editCategory = useCallback(
    (index: number, change: Partial<CategoryDraft> | null) =>
      setCategories((cs) =>
        change === null ? cs.filter((_, i) => i !== index) : cs.map((c, i) => (i === index ? { ...c, ...change } : c)),
      ),
    [],
  );
  const editLevel = useCallback(
    (index: number, change: Partial<LevelDraft> | null) =>
      setLevels((ls) =>
        change === null ? ls.filter((_, i) => i !== index) : ls.map((l, i) => (i === index ? { ...l, ...change } : l)),
      ),
    [],
  );

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({
          note,
          categories: categories.map((c) => ({
            ...c,
            examples: c.examples
              .split("\n")
              .map((x) => x.trim())
              .filter(Boolean),
          })),
          severity_scale: levels,
        });
      }}
    >
      <Stack gap="md">
        <Title order={3}>{t("taxonomy.categories")}</Title>
        {categories.map((c, i) => (
          <CategoryFieldset key={i} index={i} category={c} onEdit={editCategory} />
        ))}
        <Group>
          <Button
            variant="light"
            onClick={() => setCategories((cs) => [...cs, { code: "", name: "", definition: "", examples: "" }])}
          >
            {t("taxonomy.addCategory")}
          </Button>
        </Group>
        <Title order={3}>{t("taxonomy.severityScale")}</Title>
        {levels.map((l, i) => (
          <LevelFieldset key={i} index={i} level={l} onEdit={editLevel} />
        ))}
        <Group>
          <Button
            variant="light"
            onClick={() =>
              setLevels((ls) => [...ls, { level: Math.max(-1, ...ls.map((x) => x.level)) + 1, label: "", description: "" }])
            }
          >
            {t("taxonomy.addLevel")}
          </Button>
        </Group>
        <TextInput label={t("taxonomy.note")} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        <Group gap="sm">
          <Button type="submit" disabled={save.isPending}>
            {t("taxonomy.save", { number: current.number + 1 })}
          </Button>
          {save.isSuccess && (
            <Text size="sm" c="dimmed">
              {t("taxonomy.saved", { number: save.data.number })}
            </Text>
          )}
        </Group>
        <ErrorMessage error={save.error} />
        {save.error instanceof DraftError && (
          <List c="red.8" size="sm">
            {save.error.messages.map((message) => (
              <List.Item key={message}>{message}</List.Item>
            ))}
          </List>
        )}
      </Stack>
    </form>
  );
}

export function TaxonomyEditor() {
  const taxonomies = useTaxonomies();
  const current = taxonomies.data?.[0];
  const { t } = useTranslation("hazards");
  return (
    <Disclosure
      summary={current ? t("taxonomy.summaryVersion", { number: current.number }) : t("taxonomy.summary")}
    >
      {taxonomies.isPending && <Loading />}
      <ErrorMessage error={taxonomies.error} />
      {/* Keyed by version so that a saved version becomes the new starting draft. */}
      {current && <Editor key={current.number} current={current} />}
    </Disclosure>
  );
}
