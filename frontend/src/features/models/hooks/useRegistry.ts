import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchLines, fetchVersions, publishVersion, registryKeys } from "../api/registry";

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
    onSuccess: () => queryClient.invalidateQueries({ queryKey: registryKeys.all }),
  });
}
