import { Button, Checkbox, Group, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { useAdjudicate } from "../hooks/useCampaignActions";
import { useTaxonomies } from "../hooks/useSetup";

/** A researcher's decision on a disputed item; it is stored as a new signal, labels stay. */
export function AdjudicateForm({
  campaign,
  response,
  taxonomyNumber,
}: {
  campaign: number;
  response: number;
  taxonomyNumber: number | undefined;
}) {
  const [harmful, setHarmful] = useState(false);
  const [categories, setCategories] = useState<string[]>([]);
  const [reason, setReason] = useState("");
  const adjudicate = useAdjudicate(campaign);
  const { t } = useTranslation("hazards");
  // The campaign's own taxonomy version: labels and adjudications must use its codes.
  const taxonomy = useTaxonomies().data?.find((version) => version.number === taxonomyNumber);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        adjudicate.mutate({ response, harmful, reason, categories: harmful ? categories : [] });
      }}
    >
      <Stack gap="sm">
        <Checkbox
          label={t("adjudicate.harmful")}
          checked={harmful}
          onChange={(e) => setHarmful(e.currentTarget.checked)}
        />
        {harmful && (
          <Checkbox.Group label={t("adjudicate.categories")} value={categories} onChange={setCategories}>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="xs" mt="xs">
              {taxonomy?.categories.map((c) => (
                <Checkbox key={c.code} value={c.code} label={c.name} title={c.definition} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
        )}
        <TextInput label={t("adjudicate.reason")} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
        <Group gap="sm">
          <Button type="submit" variant="light" disabled={adjudicate.isPending}>
            {t("adjudicate.submit", { response })}
          </Button>
          {adjudicate.isSuccess && (
            <Text size="sm" c="dimmed">
              {t("adjudicate.recorded")}
            </Text>
          )}
        </Group>
        <ErrorMessage error={adjudicate.error} />
      </Stack>
    </form>
  );
}
