import { api } from "../../../lib/api/client";
import { unwrap } from "../../../lib/api/errors";
import type { paths } from "../../../lib/api/schema";
import type { ResponseJson } from "../../../lib/api/types";

export type TrustPage = ResponseJson<"/api/trust/", "get">;
export type RaterTrust = TrustPage["results"][number];
type TrustQuery = NonNullable<paths["/api/trust/"]["get"]["parameters"]["query"]>;

/** The activities that measure their raters (trust_components_provider in their activity.py);
 * their names are the `activities` keys of locales/en/trust.json. */
export const TRUST_ACTIVITIES = ["debates", "hazards", "principles"] as const;
export type TrustActivity = (typeof TRUST_ACTIVITIES)[number];

/** The API types `activity` as any string: an activity added on the server before its name
 * reaches the catalogue shows its slug instead of failing. */
export function isTrustActivity(activity: string): activity is TrustActivity {
  return (TRUST_ACTIVITIES as readonly string[]).includes(activity);
}

export type TrustFilters = { activity: string; page: number };

export const trustKeys = {
  all: ["trust"] as const,
  list: (filters: TrustFilters) => ["trust", "list", filters] as const,
};

export async function fetchTrust(filters: TrustFilters): Promise<TrustPage> {
  const query: TrustQuery = { page: filters.page };
  if (filters.activity) query.activity = filters.activity;
  return unwrap(await api.GET("/api/trust/", { params: { query } }));
}
