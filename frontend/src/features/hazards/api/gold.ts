import { api } from "../../../lib/api/client";
import { unwrap } from "../../../lib/api/errors";
import type { ResponseJson } from "../../../lib/api/types";

export type ResponseGold = ResponseJson<"/api/hazards/responses/{id}/gold/", "put">;

/** Make a response a gold item with its known answer; labels already given stay. */
export async function setResponseGold(response: number, harmful: boolean): Promise<ResponseGold> {
  return unwrap(
    await api.PUT("/api/hazards/responses/{id}/gold/", { params: { path: { id: response } }, body: { harmful } }),
  );
}

export async function clearResponseGold(response: number): Promise<ResponseGold> {
  return unwrap(await api.DELETE("/api/hazards/responses/{id}/gold/", { params: { path: { id: response } } }));
}

/** Mark gold every imported response of the campaign whose source's annotators agree. */
export async function importCampaignGold(campaign: number): Promise<{ marked: number }> {
  return unwrap(
    await api.POST("/api/hazards/campaigns/{id}/gold/import/", { params: { path: { id: campaign } } }),
  );
}
