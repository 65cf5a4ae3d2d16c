import { api } from "../../../lib/api/client";
import { unwrap } from "../../../lib/api/errors";
import type { ResponseJson } from "../../../lib/api/types";

export type ModelLinePage = ResponseJson<"/api/registry/lines/", "get">;
export type ModelLine = ModelLinePage["results"][number];
export type ModelVersionPage = ResponseJson<"/api/registry/lines/{slug}/versions/", "get">;
export type ModelVersion = ModelVersionPage["results"][number];

export const registryKeys = {
  all: ["registry"] as const,
  lines: (page: number) => ["registry", "lines", page] as const,
  versions: (slug: string, page: number) => ["registry", "versions", slug, page] as const,
};

export async function fetchLines(page: number): Promise<ModelLinePage> {
  return unwrap(await api.GET("/api/registry/lines/", { params: { query: { page } } }));
}

export async function fetchVersions(slug: string, page: number): Promise<ModelVersionPage> {
  return unwrap(
    await api.GET("/api/registry/lines/{slug}/versions/", {
      params: { path: { slug }, query: { page } },
    }),
  );
}

/**
 * Publishing goes through the loop's one gated path: a version that fails its line's gates is
 * refused (400, the failures under `gates`) unless an admin gives an override reason.
 */
export async function publishVersion({
  id,
  overrideReason,
}: {
  id: number;
  overrideReason: string;
}): Promise<ModelVersion> {
  return unwrap(
    await api.POST("/api/loop/versions/{id}/publish/", {
      params: { path: { id } },
      body: { override_reason: overrideReason },
    }),
  );
}

/** Make an earlier, once-published version the published one again (audited). */
export async function rollbackVersion(id: number): Promise<ModelVersion> {
  return unwrap(
    await api.POST("/api/loop/versions/{id}/rollback/", {
      params: { path: { id } },
      body: { reason: "" },
    }),
  );
}

export type ServingStatus = ResponseJson<"/api/llm/serving/", "get">;

export const servingKey = ["llm", "serving"] as const;

export async function fetchServing(): Promise<ServingStatus> {
  return unwrap(await api.GET("/api/llm/serving/"));
}
