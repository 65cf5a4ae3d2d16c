import { Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, Outlet, useLocation } from "react-router";
import { ErrorMessage } from "../components/ErrorMessage";
import { Loading } from "../components/Loading";
import { capabilities, useMe } from "../lib/session";

/** Signed-in pages: redirects to /login (remembering where to return) otherwise. The header
 * and the page width come from Layout around it. */
export function RequireAuth() {
  const me = useMe();
  const location = useLocation();

  if (me.isPending) return <Loading />;
  if (me.isError) {
    return (
      <main>
        <ErrorMessage error={me.error} />
      </main>
    );
  }
  if (!me.data) {
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  }
  return <Outlet />;
}

/** Pages for researchers (and admins); others see why they cannot use it. */
export function RequireResearcher({ children }: { children: ReactNode }) {
  return <RequireCapability capability="research">{children}</RequireCapability>;
}

/** A page for whoever holds one capability (lib/session.ts); others see why they cannot use it. */
export function RequireCapability({
  capability,
  children,
}: {
  capability: keyof ReturnType<typeof capabilities>;
  children: ReactNode;
}) {
  const me = useMe();
  const { t } = useTranslation("app");
  if (!capabilities(me.data)[capability]) {
    return (
      <main>
        <Title order={1}>{t("notAvailable.title")}</Title>
        <Text mt="md">{t("notAvailable.body")}</Text>
      </main>
    );
  }
  return children;
}
