import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useGroupEvents } from "../../../lib/events";
import {
  fetchLines,
  fetchRun,
  fetchRuns,
  fetchVersionDetail,
  fetchVersions,
  loopKeys,
  publishVersion,
  rollbackVersion,
  startRun,
  type RunStart,
  cancelRun,
} from "../api/loop";

const ACTIVE = new Set(["waiting", "queued", "running", "evaluating"]);

export function useRuns(page: number) {
  return useQuery({
    queryKey: loopKeys.runs(page),
    queryFn: () => fetchRuns(page),
    placeholderData: keepPreviousData,
  });
}

/** A run, refetched whenever its group reports progress, a phase change or the end. */
export function useLiveRun(id: number) {
  const queryClient = useQueryClient();
  const run = useQuery({ queryKey: loopKeys.run(id), queryFn: () => fetchRun(id) });
  const live = run.data === undefined || ACTIVE.has(run.data.status);
  useGroupEvents(live ? `run:${id}` : null, (event) => {
    void queryClient.invalidateQueries({ queryKey: loopKeys.run(id) });
    if (event.type === "run.completed") {
      void queryClient.invalidateQueries({ queryKey: loopKeys.all });
    }
  });
  return run;
}

export function useStartRun() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RunStart) => startRun(body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: loopKeys.all }),
  });
}

export function useCancelRun() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: number; reason: string }) => cancelRun(id, reason),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: loopKeys.all }),
  });
}

export function useLines() {
  return useQuery({ queryKey: loopKeys.lines, queryFn: fetchLines });
}

export function useLineVersions(slug: string) {
  return useQuery({ queryKey: loopKeys.versions(slug), queryFn: () => fetchVersions(slug) });
}

export function useVersionDetail(id: number | null) {
  return useQuery({
    queryKey: loopKeys.version(id ?? 0),
    queryFn: () => fetchVersionDetail(id ?? 0),
    enabled: id !== null,
  });
}

export function usePublish() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: number; reason: string }) => publishVersion(id, reason),
    // A refused publish is audited too, so the version's decisions change either way.
    onSettled: () => queryClient.invalidateQueries({ queryKey: loopKeys.all }),
  });
}

export function useRollback() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: number; reason: string }) => rollbackVersion(id, reason),
    onSettled: () => queryClient.invalidateQueries({ queryKey: loopKeys.all }),
  });
}
