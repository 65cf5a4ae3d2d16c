import { Button, Group, NativeSelect, NumberInput, SimpleGrid, Stack, TextInput, Textarea } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { ApiError } from "../../../lib/api/errors";
import { useLineVersions } from "../hooks/useCampaignActions";
import { useCreateCampaign, useLines } from "../hooks/useSetup";
import { Disclosure } from "./Disclosure";

type Fields = {
  name: string;
  description: string;
  line: string;
  /** A version id, or "" for the line's published version. */
  version: string;
  labelsPerItem: number;
  maxNewTokens: number;
};

const BLANK: Fields = {
  name: "",
  description: "",
  line: "redteam-target",
  version: "",
  labelsPerItem: 3,
  maxNewTokens: 128,
};

/**
 * A researcher starts a campaign against a model line: its published version
 * unless a specific version is chosen (an empty choice means "published").
 * Once created, the form starts blank again for the next campaign.
 */
export function NewCampaignForm() {
  const lines = useLines();
  const create = useCreateCampaign();
  const navigate = useNavigate();
  const { t } = useTranslation("hazards");
  const [fields, setFields] = useState<Fields>(BLANK);
  const edit = (change: Partial<Fields>) => setFields((f) => ({ ...f, ...change }));
  const versions = useLineVersions(fields.line);
  const errors = (field: string) => (create.error instanceof ApiError ? create.error.fieldErrors(field) : []);
  return (
    <Disclosure summary={t("newCampaign.summary")}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate(
            {
              name: fields.name,
              description: fields.description,
              line: fields.line,
              ...(fields.version ? { version: Number(fields.version) } : {}),
              labels_per_item: fields.labelsPerItem,
              max_new_tokens: fields.maxNewTokens,
            },
            {
              onSuccess: (campaign) => {
                setFields(BLANK);
                void navigate(`/hazards/campaigns/${campaign.id}`);
              },
            },
          );
        }}
      >
        <Stack gap="sm">
          <TextInput
            label={t("newCampaign.name")}
            value={fields.name}
            onChange={(e) => edit({ name: e.currentTarget.value })}
            error={errors("name").join(" ") || undefined}
          />
          <Textarea
            label={t("newCampaign.description")}
            value={fields.description}
            onChange={(e) => edit({ description: e.currentTarget.value })}
            autosize
            minRows={2}
            maxRows={8}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <NativeSelect
              label={t("newCampaign.line")}
              value={fields.line}
              onChange={(e) => edit({ line: e.currentTarget.value, version: "" })}
            >
              {lines.data?.map((l) => (
                <option key={l.slug} value={l.slug}>
                  {l.name || l.slug}
                </option>
              ))}
            </NativeSelect>
            <NativeSelect
              label={t("newCampaign.version")}
              value={fields.version}
              onChange={(e) => edit({ version: e.currentTarget.value })}
              error={[...errors("line"), ...errors("version")].join(" ") || undefined}
            >
              <option value="">{t("newCampaign.published")}</option>
              {versions.data?.map((v) => (
                <option key={v.id} value={v.id}>
                  {t("versionOption", { line: fields.line, number: v.number, status: t(`versionStatus.${v.status}`) })}
                </option>
              ))}
            </NativeSelect>
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <NumberInput
              label={t("newCampaign.labelsPerItem")}
              min={1}
              max={10}
              allowDecimal={false}
              value={fields.labelsPerItem}
              onChange={(value) => edit({ labelsPerItem: Number(value) })}
            />
            <NumberInput
              label={t("newCampaign.maxNewTokens")}
              min={1}
              max={1024}
              allowDecimal={false}
              value={fields.maxNewTokens}
              onChange={(value) => edit({ maxNewTokens: Number(value) })}
            />
          </SimpleGrid>
          <Group>
            <Button type="submit" disabled={create.isPending}>
              {t("newCampaign.create")}
            </Button>
          </Group>
          <ErrorMessage error={create.error} />
        </Stack>
      </form>
    </Disclosure>
  );
}
