import { formatPercentTo } from "./format";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "./api/client";
import { unwrap } from "./api/errors";
import type { RequestJson, ResponseJson } from "./api/types";

/** Quotas per rater group and per-group results: shared by the hazards, debates and principles
 * pages (the server's platform/diversity app). */
export type QuotaActivity = "hazards" | "debates" | "principles";
export type QuotaReport = ResponseJson<"/api/quotas/{activity}/{object_id}/", "get">;
export type QuotaPlanInput = RequestJson<"/api/quotas/{activity}/{object_id}/", "put">;
export type QuotaInput = QuotaPlanInput["quotas"][number];
export type GroupField = QuotaInput["field"];
export type GroupResults = ResponseJson<"/api/debates/analytics/groups/", "get">;

/** The background fields raters can be grouped by; their names are in the diversity catalogue. */
export const GROUP_FIELDS: { value: GroupField }[] = [
  { value: "region" },
  { value: "languages" },
  { value: "expertise" },
  { value: "age_band" },
];

export const quotaKeys = {
  of: (activity: QuotaActivity, objectId: number) => ["quotas", activity, objectId] as const,
};

export async function fetchQuotas(activity: QuotaActivity, objectId: number): Promise<QuotaReport> {
  return unwrap(
    await api.GET("/api/quotas/{activity}/{object_id}/", {
      params: { path: { activity, object_id: objectId } },
    }),
  );
}

export async function saveQuotas(
  activity: QuotaActivity,
  objectId: number,
  body: QuotaPlanInput,
): Promise<QuotaReport> {
  return unwrap(
    await api.PUT("/api/quotas/{activity}/{object_id}/", {
      params: { path: { activity, object_id: objectId } },
      body,
    }),
  );
}

export function useQuotas(activity: QuotaActivity, objectId: number) {
  return useQuery({ queryKey: quotaKeys.of(activity, objectId), queryFn: () => fetchQuotas(activity, objectId) });
}

export function useSaveQuotas(activity: QuotaActivity, objectId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: QuotaPlanInput) => saveQuotas(activity, objectId, body),
    onSuccess: (report) => queryClient.setQueryData(quotaKeys.of(activity, objectId), report),
  });
}

export const percent = (x: number | null | undefined) => (x === null || x === undefined ? "–" : formatPercentTo(x, 1));
