import type { ReactNode } from "react";
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
  const me = useMe();
  if (!capabilities(me.data).research) {
    return (
      <main>
        <h1>Not available</h1>
        <p>This page is for researchers. Ask an administrator if you need access.</p>
      </main>
    );
  }
  return children;
}
