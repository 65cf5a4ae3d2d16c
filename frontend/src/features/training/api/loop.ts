import { api } from "../../../lib/api/client";
import { unwrap } from "../../../lib/api/errors";
import type { RequestJson, ResponseJson } from "../../../lib/api/types";

export type RunPage = ResponseJson<"/api/loop/runs/", "get">;
export type Run = RunPage["results"][number];
export type RunStart = RequestJson<"/api/loop/runs/", "post">;
export type VersionDetail = ResponseJson<"/api/loop/versions/{id}/", "get">;
export type LinePage = ResponseJson<"/api/registry/lines/", "get">;
export type VersionPage = ResponseJson<"/api/registry/lines/{slug}/versions/", "get">;
export type Version = VersionPage["results"][number];

export const loopKeys = {
  all: ["loop"] as const,
  runs: (page: number) => ["loop", "runs", page] as const,
  run: (id: number) => ["loop", "run", id] as const,
  lines: ["loop", "lines"] as const,
  versions: (slug: string) => ["loop", "versions", slug] as const,
  version: (id: number) => ["loop", "version", id] as const,
};

export async function fetchRuns(page: number): Promise<RunPage> {
  return unwrap(await api.GET("/api/loop/runs/", { params: { query: { page } } }));
}

export async function fetchRun(id: number): Promise<Run> {
  return unwrap(await api.GET("/api/loop/runs/{id}/", { params: { path: { id } } }));
}

export async function startRun(body: RunStart): Promise<Run> {
  return unwrap(await api.POST("/api/loop/runs/", { body }));
}

export async function cancelRun(id: number, reason: string): Promise<Run> {
  return unwrap(
    await api.POST("/api/loop/runs/{id}/cancel/", { params: { path: { id } }, body: { reason } }),
  );
}

export async function fetchLines(): Promise<LinePage> {
  return unwrap(await api.GET("/api/registry/lines/", { params: { query: { page: 1 } } }));
}

export async function fetchVersions(slug: string): Promise<VersionPage> {
  return unwrap(
    await api.GET("/api/registry/lines/{slug}/versions/", {
      params: { path: { slug }, query: { page: 1 } },
    }),
  );
}

export async function fetchVersionDetail(id: number): Promise<VersionDetail> {
  return unwrap(await api.GET("/api/loop/versions/{id}/", { params: { path: { id } } }));
}

export async function publishVersion(id: number, overrideReason: string): Promise<Version> {
  return unwrap(
    await api.POST("/api/loop/versions/{id}/publish/", {
      params: { path: { id } },
      body: { override_reason: overrideReason },
    }),
  );
}

export async function rollbackVersion(id: number, reason: string): Promise<Version> {
  return unwrap(
    await api.POST("/api/loop/versions/{id}/rollback/", {
      params: { path: { id } },
      body: { reason },
    }),
  );
}
