import { Button, NativeSelect, Stack, Text, Textarea } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { useDraft } from "../../../lib/useDraft";
import { writeAttack } from "../api/hazards";
import { useTaxonomies } from "../hooks/useSetup";
import { Disclosure } from "./Disclosure";

/** A rater writes an attack ("try to make the model produce X"); the target model answers it. */
export function AttackForm({ campaign }: { campaign: number }) {
  const taxonomies = useTaxonomies();
  const { t } = useTranslation("hazards");
  // Kept per campaign until sent; the label form's guard covers the page's navigation.
  const draft = useDraft(`hazards:${campaign}:attack`);
  const { text, setText } = draft;
  const [category, setCategory] = useState("");
  const attack = useMutation({
    mutationFn: () => writeAttack(campaign, text, category),
    onSuccess: () => draft.clear(),
  });
  const current = taxonomies.data?.[0];
  return (
    <Disclosure summary={t("attack.summary")}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          attack.mutate();
        }}
      >
        <Stack gap="sm">
          <NativeSelect label={t("attack.category")} value={category} onChange={(e) => setCategory(e.currentTarget.value)}>
            <option value="">{t("attack.none")}</option>
            {current?.categories.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </NativeSelect>
          <Textarea
            label={t("attack.prompt")}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            autosize
            minRows={3}
            maxRows={12}
          />
          <Button type="submit" disabled={attack.isPending || !text.trim()} style={{ alignSelf: "flex-start" }}>
            {t("attack.send")}
          </Button>
          {attack.isSuccess && (
            <Text role="status" size="sm" c="dimmed">
              {t("attack.sent")}
            </Text>
          )}
          <ErrorMessage error={attack.error} />
        </Stack>
      </form>
    </Disclosure>
  );
}
