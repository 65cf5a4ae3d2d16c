import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, Outlet, useLocation } from "react-router";
import { ErrorMessage } from "../components/ErrorMessage";
import { Loading } from "../components/Loading";
import { capabilities, useMe } from "../lib/session";
import { Nav } from "./Nav";

/** Signed-in pages: redirects to /login (remembering where to return) otherwise. */
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
  return (
    <>
      <Nav me={me.data} />
      <Outlet />
    </>
  );
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
        <h1>{t("notAvailable.title")}</h1>
        <p>{t("notAvailable.body")}</p>
      </main>
    );
  }
  return children;
}
