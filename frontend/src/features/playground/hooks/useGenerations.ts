import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useLiveText } from "../../../lib/liveText";
import {
  createGeneration,
  examplesKey,
  fetchExamples,
  fetchGeneration,
  fetchGenerations,
  fetchPromptableLines,
  generationKeys,
  isFinished,
  promptableLinesKey,
} from "../api/generations";

export function usePromptableLines() {
  return useQuery({ queryKey: promptableLinesKey, queryFn: fetchPromptableLines });
}

export function usePlaygroundExamples() {
  // The shipped file does not change while the server runs.
  return useQuery({ queryKey: examplesKey, queryFn: fetchExamples, staleTime: Infinity });
}

export function useGenerations() {
  return useQuery({ queryKey: generationKeys.list(), queryFn: fetchGenerations });
}

/** Polls slowly while unfinished, in case the websocket missed the completion event. */
const FALLBACK_POLL_MS = 15_000;

export function useGeneration(id: number | null) {
  return useQuery({
    queryKey: generationKeys.detail(id ?? -1),
    queryFn: () => fetchGeneration(id as number),
    enabled: id !== null,
    refetchInterval: (query) =>
      query.state.data && !isFinished(query.state.data.status) ? FALLBACK_POLL_MS : false,
  });
}

export function useCreateGeneration() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createGeneration,
    onSuccess: (generation) => {
      queryClient.setQueryData(generationKeys.detail(generation.id), generation);
      void queryClient.invalidateQueries({ queryKey: generationKeys.list() });
    },
  });
}

/**
 * Live text of one generation while it is written; generation.completed invalidates the
 * queries, and the stored output from the server then replaces the streamed text.
 */
export function useGenerationStream(id: number | null): string {
  const queryClient = useQueryClient();
  const live = useLiveText(id === null ? null : `generation:${id}`, {
    delta: "generation.delta",
    keyOf: (payload) => (payload.id === id ? String(id) : null),
    onEvent: (event) => {
      if (event.type === "generation.completed" && id !== null) {
        void queryClient.invalidateQueries({ queryKey: generationKeys.detail(id) });
        void queryClient.invalidateQueries({ queryKey: generationKeys.list() });
      }
    },
  });
  return live[String(id)] ?? "";
}
