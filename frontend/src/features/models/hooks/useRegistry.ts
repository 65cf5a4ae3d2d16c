import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  fetchLines,
  fetchServing,
  fetchVersions,
  publishVersion,
  registryKeys,
  rollbackVersion,
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

function usePublished<T>(mutationFn: (variables: T) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    // Publishing changes the line's published_version and the old version's status.
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: registryKeys.all });
      await queryClient.invalidateQueries({ queryKey: servingKey });
    },
  });
}

export function usePublishVersion() {
  return usePublished(publishVersion);
}

export function useRollbackVersion() {
  return usePublished(rollbackVersion);
}

/** Served lines switch a few seconds to minutes after publishing, once the new server is up. */
export function useServing() {
  return useQuery({
    queryKey: servingKey,
    queryFn: fetchServing,
    refetchInterval: 5000,
  });
}
