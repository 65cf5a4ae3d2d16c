import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { auditKeys, fetchAudit, type AuditFilters } from "../api/audit";

export function useAudit(filters: AuditFilters) {
  return useQuery({
    queryKey: auditKeys.list(filters),
    queryFn: () => fetchAudit(filters),
    placeholderData: keepPreviousData,
  });
}
