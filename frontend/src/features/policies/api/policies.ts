import { api } from "../../../lib/api/client";
import { unwrap } from "../../../lib/api/errors";
import type { RequestJson, ResponseJson } from "../../../lib/api/types";

export type Policy = ResponseJson<"/api/loop/policies/{slug}/", "get">;
export type PolicyUpdate = RequestJson<"/api/loop/policies/{slug}/", "put">;
export type LinePage = ResponseJson<"/api/registry/lines/", "get">;

export const policyKeys = {
  all: ["policies"] as const,
  policy: (slug: string) => ["policies", "policy", slug] as const,
  lines: ["policies", "lines"] as const,
};

/** A line's policy; a line with none stored answers the defaults its gates apply. */
export async function fetchPolicy(slug: string): Promise<Policy> {
  return unwrap(await api.GET("/api/loop/policies/{slug}/", { params: { path: { slug } } }));
}

export async function savePolicy(slug: string, body: PolicyUpdate): Promise<Policy> {
  return unwrap(await api.PUT("/api/loop/policies/{slug}/", { params: { path: { slug } }, body }));
}

export async function fetchLines(): Promise<LinePage> {
  return unwrap(await api.GET("/api/registry/lines/", { params: { query: { page: 1 } } }));
}
