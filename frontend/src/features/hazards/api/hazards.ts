import { api } from "../../../lib/api/client";
import { ApiError, toApiError, unwrap } from "../../../lib/api/errors";
import type { RequestJson, ResponseJson } from "../../../lib/api/types";
import type { GroupField, GroupResults } from "../../../lib/diversity";

export type Campaign = ResponseJson<"/api/hazards/campaigns/", "get">[number];
export type LabelItem = ResponseJson<"/api/hazards/campaigns/{id}/next/", "get">;
export type LabelInput = RequestJson<"/api/hazards/responses/{id}/label/", "post">;
export type Analytics = ResponseJson<"/api/hazards/campaigns/{id}/analytics/", "get">;
export type Reliability = ResponseJson<"/api/hazards/me/reliability/", "get">;

export const hazardKeys = {
  all: ["hazards"] as const,
  campaigns: ["hazards", "campaigns"] as const,
  next: (campaign: number) => ["hazards", "next", campaign] as const,
  analytics: (campaign: number) => ["hazards", "analytics", campaign] as const,
  // Under the analytics key: what invalidates a campaign's analytics invalidates these too.
  groups: (campaign: number) => ["hazards", "analytics", campaign, "groups"] as const,
  mine: ["hazards", "me"] as const,
  responses: (campaign: number) => ["hazards", "responses", campaign] as const,
  taxonomies: ["hazards", "taxonomies"] as const,
};

export async function fetchCampaigns(): Promise<Campaign[]> {
  return unwrap(await api.GET("/api/hazards/campaigns/"));
}

/** The rater's next item, or null when the campaign has nothing left for them (204). */
export async function fetchNextItem(campaign: number): Promise<LabelItem | null> {
  const result = await api.GET("/api/hazards/campaigns/{id}/next/", {
    params: { path: { id: campaign } },
  });
  if (result.response.status === 204) return null;
  return unwrap(result);
}

export async function submitLabel(response: number, body: LabelInput) {
  return unwrap(
    await api.POST("/api/hazards/responses/{id}/label/", { params: { path: { id: response } }, body }),
  );
}

export async function skipItem(response: number, reason: string): Promise<void> {
  const result = await api.POST("/api/hazards/responses/{id}/skip/", {
    params: { path: { id: response } },
    body: { reason },
  });
  if (result.error !== undefined) unwrap(result);
}

/** A campaign's hazard rate and agreement per rater group of one background field. */
export async function fetchCampaignGroups(campaign: number, by: GroupField): Promise<GroupResults> {
  return unwrap(
    await api.GET("/api/hazards/campaigns/{id}/analytics/groups/", {
      params: { path: { id: campaign }, query: { by } },
    }),
  );
}

export async function fetchAnalytics(campaign: number): Promise<Analytics> {
  return unwrap(
    await api.GET("/api/hazards/campaigns/{id}/analytics/", { params: { path: { id: campaign } } }),
  );
}

export async function fetchMyReliability(): Promise<Reliability> {
  return unwrap(await api.GET("/api/hazards/me/reliability/"));
}

export type CampaignResponse = ResponseJson<"/api/hazards/campaigns/{id}/responses/", "get">[number];
export type VersionOption = ResponseJson<"/api/registry/lines/{slug}/versions/", "get">["results"][number];

export async function fetchResponses(campaign: number): Promise<CampaignResponse[]> {
  return unwrap(
    await api.GET("/api/hazards/campaigns/{id}/responses/", { params: { path: { id: campaign } } }),
  );
}

/** Versions of a model line, for choosing where to re-run a campaign or which judge labels. */
export async function fetchVersions(line: string): Promise<VersionOption[]> {
  const page = unwrap(
    await api.GET("/api/registry/lines/{slug}/versions/", {
      params: { path: { slug: line }, query: { page: 1 } },
    }),
  );
  return page.results;
}

export async function rerunCampaign(campaign: number, version: number) {
  return unwrap(
    await api.POST("/api/hazards/campaigns/{id}/rerun/", {
      params: { path: { id: campaign } },
      body: { version },
    }),
  );
}

export async function requestAILabels(campaign: number, version: number): Promise<void> {
  const result = await api.POST("/api/hazards/campaigns/{id}/ai-labels/", {
    params: { path: { id: campaign } },
    body: { version },
  });
  if (result.error !== undefined) unwrap(result);
}

export async function adjudicate(
  response: number,
  body: RequestJson<"/api/hazards/responses/{id}/adjudicate/", "post">,
): Promise<void> {
  const result = await api.POST("/api/hazards/responses/{id}/adjudicate/", {
    params: { path: { id: response } },
    body,
  });
  if (result.error !== undefined) unwrap(result);
}

export type Taxonomy = ResponseJson<"/api/hazards/taxonomies/", "get">[number];

export async function fetchTaxonomies(): Promise<Taxonomy[]> {
  return unwrap(await api.GET("/api/hazards/taxonomies/"));
}

export async function writeAttack(campaign: number, text: string, category: string) {
  return unwrap(
    await api.POST("/api/hazards/campaigns/{id}/prompts/", {
      params: { path: { id: campaign } },
      body: { text, category },
    }),
  );
}

export type CampaignInput = RequestJson<"/api/hazards/campaigns/", "post">;
export type TaxonomyInput = RequestJson<"/api/hazards/taxonomies/", "post">;
export type ModelLineOption = ResponseJson<"/api/registry/lines/", "get">["results"][number];

export async function fetchLines(): Promise<ModelLineOption[]> {
  return unwrap(await api.GET("/api/registry/lines/", { params: { query: { page: 1 } } })).results;
}

export async function createCampaign(body: CampaignInput): Promise<Campaign> {
  return unwrap(await api.POST("/api/hazards/campaigns/", { body }));
}

/**
 * Field errors of a nested body ({"categories": [{}, {"code": [...]}]}) as
 * lines naming where they are, e.g. "categories 2 code: ...".
 */
export function nestedMessages(value: unknown, path: string[] = []): string[] {
  if (typeof value === "string") return [path.length ? `${path.join(" ")}: ${value}` : value];
  if (Array.isArray(value)) {
    const nested = value.some((v) => typeof v !== "string");
    return value.flatMap((v, i) => nestedMessages(v, nested ? [...path, String(i + 1)] : path));
  }
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([key, v]) => nestedMessages(v, [...path, key]));
  }
  return [];
}

/** ApiError keeps only flat field errors; a taxonomy draft's are nested per category and level. */
export class DraftError extends ApiError {
  readonly messages: string[];

  constructor(status: number, body: unknown) {
    const base = toApiError(status, body);
    super(status, { detail: base.message, code: base.code });
    const fields = typeof body === "object" && body !== null && "fields" in body ? body.fields : undefined;
    this.messages = nestedMessages(fields);
  }
}

export async function createTaxonomy(body: TaxonomyInput): Promise<Taxonomy> {
  const result = await api.POST("/api/hazards/taxonomies/", { body });
  // Read as unknown: the schema lists no error bodies, so a narrowed result would be never.
  const error: unknown = result.error;
  if (error !== undefined) throw new DraftError(result.response.status, error);
  return unwrap(result);
}

/** Uploads a CSV/JSONL prompt file (or the AILuminate CSV) as multipart form data. */
export async function importPrompts(
  campaign: number,
  file: File,
  format: "prompts" | "ailuminate",
): Promise<number> {
  const result = await api.POST("/api/hazards/campaigns/{id}/import/", {
    params: { path: { id: campaign } },
    // The generated type says string for the binary part; the serializer below sends the File.
    body: { file: "", format },
    bodySerializer: () => {
      const form = new FormData();
      form.append("file", file);
      form.append("format", format);
      return form;
    },
  });
  return unwrap(result).count;
}

export async function requestAttacks(campaign: number, category: string, count: number): Promise<void> {
  const result = await api.POST("/api/hazards/campaigns/{id}/attacks/", {
    params: { path: { id: campaign } },
    body: { category, count },
  });
  if (result.error !== undefined) unwrap(result);
}

export type ImportedSet = ResponseJson<"/api/hazards/report/", "get">[number];

/** Agreement and label distribution of imported annotated sets (XSTest). */
export async function fetchImportedReport(): Promise<ImportedSet[]> {
  return unwrap(await api.GET("/api/hazards/report/"));
}
