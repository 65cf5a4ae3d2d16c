import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useGroupEvents } from "../../../lib/events";
import {
  commitJudgement,
  debateKeys,
  fetchAnalytics,
  fetchAssignment,
  requestRound,
  skipAssignment,
  takeNextAssignment,
  type JudgeAssignment,
  type JudgementRequest,
  type Origin,
} from "../api/debates";

export function useNextAssignment() {
  // Taking the next assignment is idempotent on the server: an open one is returned again.
  return useQuery({ queryKey: debateKeys.next(), queryFn: takeNextAssignment, staleTime: Infinity });
}

export function useAssignment(initial: JudgeAssignment) {
  return useQuery({
    queryKey: debateKeys.assignment(initial.id),
    queryFn: () => fetchAssignment(initial.id),
    initialData: initial,
  });
}

/** Live text of speeches being written, keyed "round:slot"; cleared when a turn is stored. */
export function useDebateStream(assignmentId: number, debateId: number): Record<string, string> {
  const queryClient = useQueryClient();
  const [live, setLive] = useState<Record<string, string>>({});
  useGroupEvents(`debate:${debateId}`, (event) => {
    const { payload } = event;
    if (event.type === "debate.turn.delta" && typeof payload.text === "string") {
      const key = `${String(payload.round)}:${String(payload.slot)}`;
      const text = payload.text;
      setLive((current) => ({ ...current, [key]: (current[key] ?? "") + text }));
      return;
    }
    if (event.type === "debate.turn.completed" || event.type === "debate.ready" || event.type === "debate.round.added") {
      if (event.type === "debate.turn.completed") setLive({});
      void queryClient.invalidateQueries({ queryKey: debateKeys.assignment(assignmentId) });
    }
  });
  return live;
}

function useAssignmentMutation<T>(id: number, fn: (value: T) => Promise<JudgeAssignment>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (assignment) => {
      queryClient.setQueryData(debateKeys.assignment(id), assignment);
    },
  });
}

export function useCommitJudgement(id: number) {
  return useAssignmentMutation(id, (body: JudgementRequest) => commitJudgement(id, body));
}

export function useSkip(id: number) {
  return useAssignmentMutation(id, (reason: string) => skipAssignment(id, reason));
}

export function useRequestRound(id: number) {
  return useAssignmentMutation(id, () => requestRound(id));
}

export function useAnalytics(origin: Origin) {
  return useQuery({
    queryKey: debateKeys.analytics(origin),
    queryFn: () => fetchAnalytics(origin),
    // The server computes the tables in a task; ask again until it has stored them.
    refetchInterval: (query) => (query.state.data?.recomputing ? 2000 : false),
  });
}
