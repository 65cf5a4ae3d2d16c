import { api } from "../../../lib/api/client";
import { unwrap } from "../../../lib/api/errors";
import type { RequestJson, ResponseJson } from "../../../lib/api/types";

export type Profile = ResponseJson<"/api/me/profile/", "get">;
export type ProfileUpdate = RequestJson<"/api/me/profile/", "patch">;
export type AgeBand = Profile["age_band"];

export type MyTrust = ResponseJson<"/api/me/trust/", "get">[number];

export const profileKeys = { detail: ["me", "profile"] as const, trust: ["me", "trust"] as const };

export async function fetchProfile(): Promise<Profile> {
  return unwrap(await api.GET("/api/me/profile/"));
}

export async function updateProfile(update: ProfileUpdate): Promise<Profile> {
  return unwrap(await api.PATCH("/api/me/profile/", { body: update }));
}

/** Erases background data and withdraws consent. */
export async function eraseProfile(): Promise<void> {
  unwrap(await api.DELETE("/api/me/profile/"));
}

/** All of the user's personal data, as the server's JSON document. */
export async function fetchExport(): Promise<Blob> {
  return unwrap(await api.GET("/api/me/export/", { parseAs: "blob" }));
}

/** The person's own trust scores, one per activity they contribute to. */
export async function fetchMyTrust(): Promise<MyTrust[]> {
  return unwrap(await api.GET("/api/me/trust/"));
}
