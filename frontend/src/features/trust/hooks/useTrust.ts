import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { fetchTrust, trustKeys, type TrustFilters } from "../api/trust";

export function useTrust(filters: TrustFilters) {
  return useQuery({
    queryKey: trustKeys.list(filters),
    queryFn: () => fetchTrust(filters),
    placeholderData: keepPreviousData,
  });
}
