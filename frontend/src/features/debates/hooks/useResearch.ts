import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useGroupEvents } from "../../../lib/events";
import { createDebate, fetchDebate, fetchDebates, fetchQuestions, researchKeys } from "../api/debates";

export function useDebateList() {
  return useQuery({ queryKey: researchKeys.list(), queryFn: fetchDebates });
}

export function useQuestions() {
  return useQuery({ queryKey: researchKeys.questions(), queryFn: fetchQuestions });
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
  const [live, setLive] = useState<Record<string, string>>({});
  const debate = useQuery({ queryKey: researchKeys.detail(id), queryFn: () => fetchDebate(id) });
  useGroupEvents(`debate:${id}`, (event) => {
    const { payload } = event;
    if (event.type === "debate.turn.delta" && typeof payload.text === "string") {
      const key = `${String(payload.round)}:${String(payload.slot)}`;
      const text = payload.text;
      setLive((current) => ({ ...current, [key]: (current[key] ?? "") + text }));
      return;
    }
    if (event.type === "debate.turn.completed") setLive({});
    void queryClient.invalidateQueries({ queryKey: researchKeys.detail(id) });
  });
  return { debate, live };
}
