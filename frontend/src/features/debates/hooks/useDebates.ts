import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
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
import { useLiveTurns } from "./useLiveTurns";

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
  return useLiveTurns(debateId, (event) => {
    if (event.type === "debate.turn.completed" || event.type === "debate.ready" || event.type === "debate.round.added") {
      void queryClient.invalidateQueries({ queryKey: debateKeys.assignment(assignmentId) });
    }
  });
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
