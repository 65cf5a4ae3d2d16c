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
    <form onSubmit={submit} className="stack" aria-label={t("form.title")}>
      <h2>{t("form.title")}</h2>
      <label className="field">
        {t("form.url")}
        <input
          type="url"
          required
          value={url}
          placeholder={t("form.urlExample")}
          aria-describedby="webhook-url-errors"
          onChange={(e) => setUrl(e.target.value)}
        />
      </label>
      <FieldErrors id="webhook-url-errors" messages={fieldErrors("url")} />
      <label className="field">
        {t("form.description")}
        <input value={description} maxLength={200} onChange={(e) => setDescription(e.target.value)} />
      </label>
      <fieldset aria-describedby="webhook-events-errors">
        <legend>{t("form.events")}</legend>
        {eventTypes.isPending && <Loading />}
        <ErrorMessage error={eventTypes.error} />
        {eventTypes.data?.map((option) => (
          <label key={option.value} className="checkbox">
            <input
              type="checkbox"
              checked={checked.includes(option.value)}
              onChange={(e) => toggle(option.value, e.target.checked)}
            />
            <code>{option.value}</code> {option.description}
          </label>
        ))}
      </fieldset>
      <FieldErrors id="webhook-events-errors" messages={fieldErrors("event_types")} />
      {error && Object.keys(error.fields).length === 0 && <ErrorMessage error={error} />}
      <div>
        <button type="submit" disabled={create.isPending || checked.length === 0}>
          {t("form.submit")}
        </button>
      </div>
    </form>
  );
}
