import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchLines, fetchPolicy, policyKeys, savePolicy, type PolicyUpdate } from "../api/policies";

export function useLines() {
  return useQuery({ queryKey: policyKeys.lines, queryFn: fetchLines });
}

export function usePolicy(slug: string | null) {
  return useQuery({
    queryKey: policyKeys.policy(slug ?? ""),
    queryFn: () => fetchPolicy(slug ?? ""),
    enabled: slug !== null,
  });
}

export function useSavePolicy(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PolicyUpdate) => savePolicy(slug, body),
    onSuccess: (policy) => queryClient.setQueryData(policyKeys.policy(slug), policy),
  });
}
