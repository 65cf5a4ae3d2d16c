import { Button, Paper, Stack, TextInput, Title } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useLocation } from "react-router";
import { ErrorMessage, inputError } from "../../../components/ErrorMessage";
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
  const { t } = useTranslation("auth");

  if (me.data) return <Navigate to={redirectTarget(location.state)} replace />;

  const error = loginMutation.error;
  const fieldErrors = (field: string) => (error instanceof ApiError ? error.fieldErrors(field) : []);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    loginMutation.mutate({ username, password });
  }

  return (
    <Stack component="main" maw="24rem" mx="auto">
      <Title order={1} size="h2">
        {t("title")}
      </Title>
      <Paper component="form" onSubmit={onSubmit} noValidate withBorder p="lg">
        <Stack>
          <ErrorMessage error={error} />
          <TextInput
            label={t("username")}
            name="username"
            autoComplete="username"
            required
            withAsterisk={false}
            value={username}
            onChange={(event) => setUsername(event.currentTarget.value)}
            error={inputError(fieldErrors("username"))}
          />
          {/* Not PasswordInput: its show/hide button is named "Toggle password visibility", which
              a search by the label "Password" would find too. */}
          <TextInput
            label={t("password")}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            withAsterisk={false}
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            error={inputError(fieldErrors("password"))}
          />
          <Button type="submit" disabled={loginMutation.isPending}>
            {t("signIn")}
          </Button>
        </Stack>
      </Paper>
    </Stack>
  );
}
