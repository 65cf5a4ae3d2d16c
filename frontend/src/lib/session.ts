import { useQuery } from "@tanstack/react-query";
import { api } from "./api/client";
import { unwrap } from "./api/errors";
import type { Me, Role } from "./api/types";

/** The signed-in user; null when signed out. Shared by every feature. */
export const meQueryKey = ["auth", "me"] as const;

export async function fetchMe(): Promise<Me | null> {
  const result = await api.GET("/api/auth/me/");
  // DRF answers 403 instead of 401 when no authenticator sends WWW-Authenticate;
  // on this endpoint both can only mean "not signed in".
  if (result.response.status === 401 || result.response.status === 403) return null;
  return unwrap(result);
}

export function useMe() {
  return useQuery({ queryKey: meQueryKey, queryFn: fetchMe, staleTime: 5 * 60_000 });
}

export function hasRole(me: Me | null | undefined, role: Role): boolean {
  return me?.roles.includes(role) ?? false;
}

/**
 * What a user may do, derived from roles in one place; each flag mirrors the permissions the
 * role grants on the server (platform/accounts/roles.py), so a page is offered only to those
 * whose requests it will not answer with 403.
 */
export function capabilities(me: Me | null | undefined) {
  const admin = hasRole(me, "admin");
  const researcher = hasRole(me, "researcher");
  const research = admin || researcher;
  return {
    research,
    publish: admin,
    /** Rating work (judging debates, labelling): accounts.take_rating_work. */
    rate: hasRole(me, "rater"),
    /** Building snapshots, starting runs, setting policies: loop.run_training. */
    train: admin,
    /** Hazard campaigns and taxonomies: held by researchers, not admins. */
    campaigns: researcher,
    /** Importing Polis conversations: principles.add_polisconversation. */
    importPolis: researcher,
    /** The platform-wide audit log: audit.view_auditentry. */
    audit: research,
  };
}
