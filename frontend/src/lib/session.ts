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
 * What a user may do, derived from roles in one place. Admins can do all that
 * researchers can; everyone signed in is treated as a rater.
 */
export function capabilities(me: Me | null | undefined) {
  const admin = hasRole(me, "admin");
  const research = admin || hasRole(me, "researcher");
  return { research, publish: admin };
}
