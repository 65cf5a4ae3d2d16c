import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { createDebate, fetchDebate, fetchDebates, fetchQuestions, fetchQuestionSets, researchKeys } from "../api/debates";
import { useLiveTurns } from "./useLiveTurns";

export function useDebateList() {
  return useQuery({ queryKey: researchKeys.list(), queryFn: fetchDebates });
}

export function useQuestions() {
  return useQuery({ queryKey: researchKeys.questions(), queryFn: fetchQuestions });
}

export function useQuestionSets() {
  return useQuery({ queryKey: researchKeys.questionSets(), queryFn: fetchQuestionSets });
}

export function useCreateDebate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createDebate,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: researchKeys.list() }),
  });
}

/** One debate as the researcher sees it, refetched when the transcript changes. */
export function useWatchedDebate(id: number) {
  const queryClient = useQueryClient();
  const debate = useQuery({ queryKey: researchKeys.detail(id), queryFn: () => fetchDebate(id) });
  const live = useLiveTurns(id, () => {
    void queryClient.invalidateQueries({ queryKey: researchKeys.detail(id) });
  });
  return { debate, live };
}
