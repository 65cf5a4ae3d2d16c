import { api } from "../../../lib/api/client";
import { unwrap } from "../../../lib/api/errors";
import type { paths } from "../../../lib/api/schema";
import type { ResponseJson } from "../../../lib/api/types";
import type { resources } from "../../../locales/resources";

export type AuditPage = ResponseJson<"/api/audit/", "get">;
export type AuditEntry = AuditPage["results"][number];
export type AuditAction = AuditEntry["action"];
type ActionLabel = keyof (typeof resources)["en"]["audit"]["actions"];
type AuditQuery = NonNullable<paths["/api/audit/"]["get"]["parameters"]["query"]>;

export type AuditFilters = {
  action: AuditAction | "";
  actor: string;
  since: string;
  until: string;
  page: number;
};

/**
 * Every action the log records, with its label's key under "actions" in
 * src/locales/en/audit.json (complete: typed by the schema's enum).
 */
export const AUDIT_ACTIONS: Record<AuditAction, ActionLabel> = {
  "version.publish": "versionPublish",
  "version.override": "versionOverride",
  "version.refused": "versionRefused",
  "version.rollback": "versionRollback",
  "version.seed": "versionSeed",
  "run.cancel": "runCancel",
  "policy.set": "policySet",
  "snapshot.export": "snapshotExport",
  "constitution.enact": "constitutionEnact",
  "proposal.veto": "proposalVeto",
  "taxonomy.edit": "taxonomyEdit",
  "role.change": "roleChange",
  "polis.import": "polisImport",
  "gold.set": "goldSet",
  "gold.clear": "goldClear",
};

export const auditKeys = {
  all: ["audit"] as const,
  list: (filters: AuditFilters) => ["audit", "list", filters] as const,
};

export async function fetchAudit(filters: AuditFilters): Promise<AuditPage> {
  const query: AuditQuery = { page: filters.page };
  if (filters.action) query.action = [filters.action];
  if (filters.actor) query.actor = filters.actor;
  if (filters.since) query.since = filters.since;
  if (filters.until) query.until = filters.until;
  return unwrap(await api.GET("/api/audit/", { params: { query } }));
}
