import { api } from "../../../lib/api/client";
import { unwrap } from "../../../lib/api/errors";
import type { paths } from "../../../lib/api/schema";
import type { RequestJson, ResponseJson } from "../../../lib/api/types";

export type SnapshotPage = ResponseJson<"/api/loop/snapshots/", "get">;
export type Snapshot = SnapshotPage["results"][number];
export type SnapshotRequest = RequestJson<"/api/loop/snapshots/", "post">;
export type LinePage = ResponseJson<"/api/registry/lines/", "get">;
export type SignalKind = NonNullable<
  NonNullable<paths["/api/signals/"]["get"]["parameters"]["query"]>["kind"]
>;

export const snapshotKeys = {
  all: ["snapshots"] as const,
  list: (page: number) => ["snapshots", "list", page] as const,
  lines: ["snapshots", "lines"] as const,
};

export async function fetchSnapshots(page: number): Promise<SnapshotPage> {
  return unwrap(await api.GET("/api/loop/snapshots/", { params: { query: { page } } }));
}

/** 202 with the snapshot `building`, or 200 with the stored one when its recipe was built. */
export async function requestSnapshot(body: SnapshotRequest): Promise<Snapshot> {
  return unwrap(await api.POST("/api/loop/snapshots/", { body }));
}

export async function fetchLines(): Promise<LinePage> {
  return unwrap(await api.GET("/api/registry/lines/", { params: { query: { page: 1 } } }));
}

/** Where the browser downloads a split or the Hugging Face export (plain links: files). */
export const snapshotFiles = {
  split: (id: number, split: "train" | "eval") => `/api/loop/snapshots/${id}/download/?split=${split}`,
  huggingFace: (id: number) => `/api/loop/snapshots/${id}/export/archive/`,
};
