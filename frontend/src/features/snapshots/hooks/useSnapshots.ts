import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useGroupEvents } from "../../../lib/events";
import { fetchLines, fetchSnapshots, requestSnapshot, snapshotKeys, type SnapshotRequest } from "../api/snapshots";

// While a snapshot builds, the list is also polled: its `snapshot.completed` event is the
// fast path, and polling covers a websocket that is down or reconnecting.
const BUILDING_POLL_MS = 2000;

/** Snapshots, refetched when one finishes building (its event comes on the "registry" group). */
export function useSnapshots(page: number) {
  const queryClient = useQueryClient();
  useGroupEvents("registry", (event) => {
    if (event.type === "snapshot.completed" || event.type === "snapshot.queued") {
      void queryClient.invalidateQueries({ queryKey: snapshotKeys.all });
    }
  });
  return useQuery({
    queryKey: snapshotKeys.list(page),
    queryFn: () => fetchSnapshots(page),
    placeholderData: keepPreviousData,
    refetchInterval: (query) =>
      query.state.data?.results.some((s) => s.status === "building") ? BUILDING_POLL_MS : false,
  });
}

export function useRequestSnapshot() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SnapshotRequest) => requestSnapshot(body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: snapshotKeys.all }),
  });
}

export function useLines() {
  return useQuery({ queryKey: snapshotKeys.lines, queryFn: fetchLines });
}
