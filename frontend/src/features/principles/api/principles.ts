import { api } from "../../../lib/api/client";
import { unwrap } from "../../../lib/api/errors";
import type { RequestJson, ResponseJson } from "../../../lib/api/types";
import type { GroupField, GroupResults } from "../../../lib/diversity";

export type Version = ResponseJson<"/api/principles/versions/", "get">[number];
export type VersionDetail = ResponseJson<"/api/principles/versions/{number}/", "get">;
export type Principle = VersionDetail["principles"][number];
export type DiffRow = ResponseJson<"/api/principles/versions/{number}/diff/", "get">[number];
export type Round = ResponseJson<"/api/principles/rounds/", "get">[number];
export type RoundDetail = ResponseJson<"/api/principles/rounds/{id}/", "get">;
export type Proposal = RoundDetail["proposals"][number];
export type RoundAnalysis = ResponseJson<"/api/principles/rounds/{id}/analysis/", "get">;
export type ProposalStats = RoundAnalysis["proposals"][string];
export type Tracking = ResponseJson<"/api/principles/tracking/", "get">[number];
export type AuditEntry = ResponseJson<"/api/principles/audit/", "get">[number];
export type Comment = ResponseJson<"/api/principles/proposals/{id}/comments/", "get">[number];
export type RoundIn = RequestJson<"/api/principles/rounds/", "post">;
export type ProposalIn = RequestJson<"/api/principles/rounds/{id}/proposals/", "post">;
export type Choice = "agree" | "disagree" | "pass";

export const principlesKeys = {
  all: ["principles"] as const,
  versions: () => ["principles", "versions"] as const,
  version: (number: number) => ["principles", "versions", number] as const,
  diff: (number: number, against: number) => ["principles", "diff", number, against] as const,
  rounds: () => ["principles", "rounds"] as const,
  round: (id: number) => ["principles", "rounds", id] as const,
  analysis: (id: number) => ["principles", "analysis", id] as const,
  groups: (id: number) => ["principles", "groups", id] as const,
  comments: (proposal: number) => ["principles", "comments", proposal] as const,
  tracking: () => ["principles", "tracking"] as const,
  audit: () => ["principles", "audit"] as const,
};

/** A closed round's support for each proposal per rater group of one background field. */
export async function fetchRoundGroups(round: number, by: GroupField): Promise<GroupResults> {
  return unwrap(
    await api.GET("/api/principles/rounds/{id}/groups/", { params: { path: { id: round }, query: { by } } }),
  );
}

export async function fetchVersions(): Promise<Version[]> {
  return unwrap(await api.GET("/api/principles/versions/"));
}

export async function fetchVersion(number: number): Promise<VersionDetail> {
  return unwrap(await api.GET("/api/principles/versions/{number}/", { params: { path: { number } } }));
}

export async function fetchDiff(number: number, against: number): Promise<DiffRow[]> {
  return unwrap(
    await api.GET("/api/principles/versions/{number}/diff/", {
      params: { path: { number }, query: { against } },
    }),
  );
}

export async function fetchRounds(): Promise<Round[]> {
  return unwrap(await api.GET("/api/principles/rounds/"));
}

export async function openRound(body: RoundIn): Promise<Round> {
  return unwrap(await api.POST("/api/principles/rounds/", { body }));
}

export async function fetchRound(id: number): Promise<RoundDetail> {
  return unwrap(await api.GET("/api/principles/rounds/{id}/", { params: { path: { id } } }));
}

export async function closeRound(id: number): Promise<RoundDetail> {
  return unwrap(await api.POST("/api/principles/rounds/{id}/close/", { params: { path: { id } } }));
}

export async function requestAIProposal(id: number): Promise<void> {
  unwrap(await api.POST("/api/principles/rounds/{id}/ai-proposals/", { params: { path: { id } } }));
}

export async function requestAIVotes(id: number): Promise<void> {
  unwrap(await api.POST("/api/principles/rounds/{id}/ai-votes/", { params: { path: { id } } }));
}

export async function fetchAnalysis(id: number): Promise<RoundAnalysis> {
  return unwrap(await api.GET("/api/principles/rounds/{id}/analysis/", { params: { path: { id } } }));
}

export async function submitProposal(round: number, body: ProposalIn): Promise<Proposal> {
  return unwrap(
    await api.POST("/api/principles/rounds/{id}/proposals/", { params: { path: { id: round } }, body }),
  );
}

export async function castVote(proposal: number, choice: Choice, dwellMs: number): Promise<Proposal> {
  return unwrap(
    await api.POST("/api/principles/proposals/{id}/vote/", {
      params: { path: { id: proposal } },
      body: { choice, dwell_ms: dwellMs },
    }),
  );
}

export async function vetoProposal(proposal: number, reason: string): Promise<Proposal> {
  return unwrap(
    await api.POST("/api/principles/proposals/{id}/veto/", {
      params: { path: { id: proposal } },
      body: { reason },
    }),
  );
}

export async function fetchComments(proposal: number): Promise<Comment[]> {
  return unwrap(
    await api.GET("/api/principles/proposals/{id}/comments/", { params: { path: { id: proposal } } }),
  );
}

export async function addComment(proposal: number, text: string, dwellMs: number): Promise<Comment> {
  return unwrap(
    await api.POST("/api/principles/proposals/{id}/comments/", {
      params: { path: { id: proposal } },
      body: { text, dwell_ms: dwellMs },
    }),
  );
}

export async function fetchTracking(): Promise<Tracking[]> {
  return unwrap(await api.GET("/api/principles/tracking/"));
}

export async function fetchAudit(): Promise<AuditEntry[]> {
  return unwrap(await api.GET("/api/principles/audit/"));
}
