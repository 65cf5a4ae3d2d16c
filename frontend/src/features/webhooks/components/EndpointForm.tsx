import { Button, Checkbox, Code, Fieldset, Group, Paper, Stack, TextInput, Title } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ErrorMessage, FieldErrors } from "../../../components/ErrorMessage";
import { Loading } from "../../../components/Loading";
import { ApiError } from "../../../lib/api/errors";
import type { CreatedEndpoint, EventType } from "../api/webhooks";
import { useCreateEndpoint, useEventTypes } from "../hooks/useWebhooks";

/** Registers an endpoint for the checked event types; the answer's secret goes to `onCreated`. */
export function EndpointForm({ onCreated }: { onCreated: (endpoint: CreatedEndpoint) => void }) {
  const eventTypes = useEventTypes();
  const create = useCreateEndpoint();
  const { t } = useTranslation("webhooks");
  const [url, setUrl] = useState("");
  const [description, setDescription] = useState("");
  const [checked, setChecked] = useState<EventType[]>([]);
  const error = create.error instanceof ApiError ? create.error : null;
  const fieldErrors = (field: string) => error?.fieldErrors(field) ?? [];

  function toggle(value: EventType, on: boolean) {
    setChecked((current) => (on ? [...current, value] : current.filter((v) => v !== value)));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate(
      { url: url.trim(), description: description.trim(), event_types: checked },
      {
        onSuccess: (endpoint) => {
          setUrl("");
          setDescription("");
          setChecked([]);
          onCreated(endpoint);
        },
      },
    );
  }

  return (
    <Paper component="form" withBorder p="md" onSubmit={submit} aria-label={t("form.title")}>
      <Stack>
        <Title order={2}>{t("form.title")}</Title>
        <TextInput
          type="url"
          required
          // Mantine's asterisk would join the label ("URL (https) *"); the field is still required.
          withAsterisk={false}
          label={t("form.url")}
          value={url}
          placeholder={t("form.urlExample")}
          error={fieldErrors("url").join(" ") || undefined}
          onChange={(e) => setUrl(e.currentTarget.value)}
        />
        <TextInput
          label={t("form.description")}
          value={description}
          maxLength={200}
          onChange={(e) => setDescription(e.currentTarget.value)}
        />
        <Fieldset legend={t("form.events")} aria-describedby="webhook-events-errors">
          <Stack gap="xs">
            {eventTypes.isPending && <Loading />}
            <ErrorMessage error={eventTypes.error} />
            {eventTypes.data?.map((option) => (
              <Checkbox
                key={option.value}
                checked={checked.includes(option.value)}
                onChange={(e) => toggle(option.value, e.currentTarget.checked)}
                label={
                  <>
                    <Code>{option.value}</Code> {option.description}
                  </>
                }
              />
            ))}
          </Stack>
        </Fieldset>
        <FieldErrors id="webhook-events-errors" messages={fieldErrors("event_types")} />
        {error && Object.keys(error.fields).length === 0 && <ErrorMessage error={error} />}
        <Group>
          <Button type="submit" disabled={create.isPending || checked.length === 0}>
            {t("form.submit")}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
