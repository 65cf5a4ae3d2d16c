import { api } from "../../../lib/api/client";
import { unwrap } from "../../../lib/api/errors";
import type { ResponseJson } from "../../../lib/api/types";

export type DebateGold = ResponseJson<"/api/debates/{id}/gold/", "put">;

/** Mark a debate gold (its question's known answer measures judges) or unmark it. */
export async function setDebateGold(debate: number, gold: boolean): Promise<DebateGold> {
  const options = { params: { path: { id: debate } } };
  return unwrap(
    gold ? await api.PUT("/api/debates/{id}/gold/", options) : await api.DELETE("/api/debates/{id}/gold/", options),
  );
}
