import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  fetchLines,
  fetchServing,
  fetchVersions,
  publishVersion,
  registryKeys,
  servingKey,
} from "../api/registry";

export function useModelLines(page: number) {
  return useQuery({
    queryKey: registryKeys.lines(page),
    queryFn: () => fetchLines(page),
    placeholderData: keepPreviousData,
  });
}

export function useModelVersions(slug: string, page: number) {
  return useQuery({
    queryKey: registryKeys.versions(slug, page),
    queryFn: () => fetchVersions(slug, page),
    placeholderData: keepPreviousData,
  });
}

export function usePublishVersion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: publishVersion,
    // Publishing changes the line's published_version and the old version's status.
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: registryKeys.all });
      await queryClient.invalidateQueries({ queryKey: servingKey });
    },
  });
}

/** Served lines switch a few seconds to minutes after publishing, once the new server is up. */
export function useServing() {
  return useQuery({
    queryKey: servingKey,
    queryFn: fetchServing,
    refetchInterval: 5000,
  });
}
