import { Alert, List } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ApiError } from "../lib/api/errors";

/** Shows why something failed; Mantine's Alert has role="alert", so screen readers announce it. */
export function ErrorMessage({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const message = error instanceof ApiError ? error.message : t("errors.unreachable");
  return (
    <Alert color="red" variant="light">
      {message}
    </Alert>
  );
}

/** The messages for one field, linked to its input by id (aria-describedby). */
export function FieldErrors({ id, messages }: { id: string; messages: string[] }) {
  if (messages.length === 0) return null;
  return (
    <List id={id} size="sm" c="red.9">
      {messages.map((message) => (
        <List.Item key={message}>{message}</List.Item>
      ))}
    </List>
  );
}

/** A field's messages as a Mantine input's `error`: the input links it by aria-describedby and
 * sets aria-invalid; no messages, no error. */
export function inputError(messages: string[]): string | undefined {
  return messages.length > 0 ? messages.join(" ") : undefined;
}
