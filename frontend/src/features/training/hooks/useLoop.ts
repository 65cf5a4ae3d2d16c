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
  type Run,
  type RunStart,
  cancelRun,
} from "../api/loop";
import { runProgress, runWithProgress } from "../progress";

const ACTIVE = new Set(["waiting", "queued", "running", "evaluating"]);

export function useRuns(page: number) {
  return useQuery({
    queryKey: loopKeys.runs(page),
    queryFn: () => fetchRuns(page),
    placeholderData: keepPreviousData,
  });
}

/** A run kept live from its group: each step the worker streams is applied to the cached run
 * as it arrives (the run's row is written only every half second, so refetching on each step
 * would skip steps), and any other event (started, evaluating, completed) refetches it. */
export function useLiveRun(id: number) {
  const queryClient = useQueryClient();
  const run = useQuery({ queryKey: loopKeys.run(id), queryFn: () => fetchRun(id) });
  const live = run.data === undefined || ACTIVE.has(run.data.status);
  useGroupEvents(live ? `run:${id}` : null, (event) => {
    const progress = event.type === "run.progress" ? runProgress(event.payload) : null;
    const cached = queryClient.getQueryData<Run>(loopKeys.run(id));
    if (progress !== null && cached !== undefined) {
      queryClient.setQueryData<Run>(loopKeys.run(id), runWithProgress(cached, progress));
      return;
    }
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
