import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useGroupEvents } from "../../../lib/events";
import {
  ACTIVE_STATUSES,
  cancelStudy,
  fetchKinds,
  fetchStudies,
  fetchStudy,
  startStudy,
  studyKeys,
  type StudyStart,
} from "../api/studies";

/** The list, refetched whenever any study reports progress (the `studies` group). */
export function useStudies(page: number) {
  const queryClient = useQueryClient();
  useGroupEvents("studies", () => {
    void queryClient.invalidateQueries({ queryKey: ["studies", "list"] });
  });
  return useQuery({
    queryKey: studyKeys.list(page),
    queryFn: () => fetchStudies(page),
    placeholderData: keepPreviousData,
  });
}

/** One study, refetched on each event of its group while it is still going. */
export function useLiveStudy(id: number) {
  const queryClient = useQueryClient();
  const study = useQuery({ queryKey: studyKeys.study(id), queryFn: () => fetchStudy(id) });
  const live = study.data === undefined || ACTIVE_STATUSES.has(study.data.status);
  useGroupEvents(live ? `study:${id}` : null, () => {
    void queryClient.invalidateQueries({ queryKey: studyKeys.study(id) });
  });
  return study;
}

export function useStudyKinds() {
  return useQuery({ queryKey: studyKeys.kinds, queryFn: fetchKinds, staleTime: 5 * 60_000 });
}

export function useStartStudy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: StudyStart) => startStudy(body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: studyKeys.all }),
  });
}

export function useCancelStudy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => cancelStudy(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: studyKeys.all }),
  });
}
