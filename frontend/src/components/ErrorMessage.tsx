import { useTranslation } from "react-i18next";
import { ApiError } from "../lib/api/errors";

/** Shows why something failed; role="alert" so screen readers announce it. */
export function ErrorMessage({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const message = error instanceof ApiError ? error.message : t("errors.unreachable");
  return (
    <p role="alert" className="error">
      {message}
    </p>
  );
}

/** The messages for one field, linked to its input by id (aria-describedby). */
export function FieldErrors({ id, messages }: { id: string; messages: string[] }) {
  if (messages.length === 0) return null;
  return (
    <ul id={id} className="field-errors">
      {messages.map((message) => (
        <li key={message}>{message}</li>
      ))}
    </ul>
  );
}
