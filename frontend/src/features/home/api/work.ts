import { api } from "../../../lib/api/client";
import { unwrap } from "../../../lib/api/errors";
import type { ResponseJson } from "../../../lib/api/types";

export type WorkItem = ResponseJson<"/api/work/", "get">["results"][number];

export const workKeys = { all: ["work"] as const };

export async function fetchWork(): Promise<WorkItem[]> {
  return unwrap(await api.GET("/api/work/")).results;
}
