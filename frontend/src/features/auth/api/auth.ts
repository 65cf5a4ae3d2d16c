import { api } from "../../../lib/api/client";
import { unwrap } from "../../../lib/api/errors";
import type { Me, RequestJson } from "../../../lib/api/types";

export type Credentials = RequestJson<"/api/auth/login/", "post">;

export async function login(credentials: Credentials): Promise<Me> {
  return unwrap(await api.POST("/api/auth/login/", { body: credentials }));
}

export async function logout(): Promise<void> {
  unwrap(await api.POST("/api/auth/logout/"));
}
