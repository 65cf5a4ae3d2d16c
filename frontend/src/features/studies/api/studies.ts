import { api } from "../../../lib/api/client";
import { unwrap } from "../../../lib/api/errors";
import type { RequestJson, ResponseJson } from "../../../lib/api/types";

export type StudyPage = ResponseJson<"/api/studies/", "get">;
export type StudySummary = StudyPage["results"][number];
export type Study = ResponseJson<"/api/studies/{id}/", "get">;
export type StudyReport = NonNullable<Study["report"]>;
export type ReportPlotData = StudyReport["plots"][number];
export type ReportTableData = StudyReport["tables"][number];
export type StudyKind = ResponseJson<"/api/studies/kinds/", "get">[number];
export type StudyParam = StudyKind["params"][number];
export type StudyStart = RequestJson<"/api/studies/", "post">;

export const ACTIVE_STATUSES: ReadonlySet<string> = new Set(["queued", "running", "waiting"]);

export const studyKeys = {
  all: ["studies"] as const,
  list: (page: number) => ["studies", "list", page] as const,
  study: (id: number) => ["studies", "study", id] as const,
  kinds: ["studies", "kinds"] as const,
};

export async function fetchStudies(page: number): Promise<StudyPage> {
  return unwrap(await api.GET("/api/studies/", { params: { query: { page } } }));
}

export async function fetchStudy(id: number): Promise<Study> {
  return unwrap(await api.GET("/api/studies/{id}/", { params: { path: { id } } }));
}

export async function fetchKinds(): Promise<StudyKind[]> {
  return unwrap(await api.GET("/api/studies/kinds/"));
}

export async function startStudy(body: StudyStart): Promise<Study> {
  return unwrap(await api.POST("/api/studies/", { body }));
}

export async function cancelStudy(id: number): Promise<Study> {
  return unwrap(await api.POST("/api/studies/{id}/cancel/", { params: { path: { id } } }));
}

/** The report with its lineage as a file (a plain link: the browser downloads it). */
export function downloadUrl(id: number, fileFormat: "json" | "csv"): string {
  return `/api/studies/${id}/download/?file_format=${fileFormat}`;
}
