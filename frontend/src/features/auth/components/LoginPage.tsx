import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useLocation } from "react-router";
import { ErrorMessage, FieldErrors } from "../../../components/ErrorMessage";
import { ApiError } from "../../../lib/api/errors";
import { useMe } from "../../../lib/session";
import { useLogin } from "../hooks/useSession";

function redirectTarget(state: unknown): string {
  if (typeof state === "object" && state !== null && "from" in state) {
    const from = state.from;
    if (typeof from === "string" && from.startsWith("/") && from !== "/login") return from;
  }
  return "/";
}

export function LoginPage() {
  const location = useLocation();
  const me = useMe();
  const loginMutation = useLogin();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const id = useId();
  const { t } = useTranslation("auth");

  if (me.data) return <Navigate to={redirectTarget(location.state)} replace />;

  const error = loginMutation.error;
  const fieldErrors = (field: string) => (error instanceof ApiError ? error.fieldErrors(field) : []);
  const usernameErrors = fieldErrors("username");
  const passwordErrors = fieldErrors("password");

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    loginMutation.mutate({ username, password });
  }

  return (
    <main className="narrow">
      <h1>{t("title")}</h1>
      <form onSubmit={onSubmit} noValidate className="stack">
        <ErrorMessage error={error} />
        <div className="field">
          <label htmlFor={`${id}-username`}>{t("username")}</label>
          <input
            id={`${id}-username`}
            name="username"
            autoComplete="username"
            required
            value={username}
            onChange={(event) => setUsername(event.target.value)}
            aria-invalid={usernameErrors.length > 0 || undefined}
            aria-describedby={usernameErrors.length > 0 ? `${id}-username-errors` : undefined}
          />
          <FieldErrors id={`${id}-username-errors`} messages={usernameErrors} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-password`}>{t("password")}</label>
          <input
            id={`${id}-password`}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            aria-invalid={passwordErrors.length > 0 || undefined}
            aria-describedby={passwordErrors.length > 0 ? `${id}-password-errors` : undefined}
          />
          <FieldErrors id={`${id}-password-errors`} messages={passwordErrors} />
        </div>
        <button type="submit" disabled={loginMutation.isPending}>
          {t("signIn")}
        </button>
      </form>
    </main>
  );
}
