import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEventsClient } from "../../../lib/events";
import { useEffect } from "react";
import {
  addComment,
  castVote,
  closeRound,
  fetchAudit,
  fetchAnalysis,
  fetchComments,
  fetchDiff,
  fetchRound,
  fetchRounds,
  fetchTracking,
  fetchVersion,
  fetchVersions,
  openRound,
  principlesKeys,
  requestAIProposal,
  requestAIVotes,
  submitProposal,
  vetoProposal,
  type Choice,
  type ProposalIn,
  type RoundDetail,
} from "../api/principles";

export function useVersions() {
  return useQuery({ queryKey: principlesKeys.versions(), queryFn: fetchVersions });
}

export function useVersion(number: number | null) {
  return useQuery({
    queryKey: principlesKeys.version(number ?? -1),
    queryFn: () => fetchVersion(number as number),
    enabled: number !== null,
  });
}

export function useDiff(number: number, against: number | null) {
  return useQuery({
    queryKey: principlesKeys.diff(number, against ?? -1),
    queryFn: () => fetchDiff(number, against as number),
    enabled: against !== null,
  });
}

export function useRounds() {
  return useQuery({ queryKey: principlesKeys.rounds(), queryFn: fetchRounds });
}

export function useRound(id: number) {
  return useQuery({ queryKey: principlesKeys.round(id), queryFn: () => fetchRound(id) });
}

export function useAnalysis(id: number, enabled: boolean) {
  return useQuery({
    queryKey: principlesKeys.analysis(id),
    queryFn: () => fetchAnalysis(id),
    enabled,
  });
}

export function useTracking() {
  return useQuery({ queryKey: principlesKeys.tracking(), queryFn: fetchTracking });
}

export function useAudit() {
  return useQuery({ queryKey: principlesKeys.audit(), queryFn: fetchAudit });
}

export function useComments(proposal: number, enabled: boolean) {
  return useQuery({
    queryKey: principlesKeys.comments(proposal),
    queryFn: () => fetchComments(proposal),
    enabled,
  });
}

/** Any change to a round can change versions, tallies and analyses: refetch them all. */
function useInvalidateAll() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: principlesKeys.all });
}

export function useOpenRound() {
  const invalidate = useInvalidateAll();
  return useMutation({ mutationFn: openRound, onSuccess: invalidate });
}

export function useCloseRound() {
  const invalidate = useInvalidateAll();
  return useMutation({ mutationFn: closeRound, onSuccess: invalidate });
}

export function useRequestAIProposal() {
  return useMutation({ mutationFn: requestAIProposal });
}

export function useRequestAIVotes() {
  return useMutation({ mutationFn: requestAIVotes });
}

export function useSubmitProposal(round: number) {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: (body: ProposalIn) => submitProposal(round, body),
    onSuccess: invalidate,
  });
}

export function useVote(round: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ proposal, choice, dwellMs }: { proposal: number; choice: Choice; dwellMs: number }) =>
      castVote(proposal, choice, dwellMs),
    onSuccess: (updated) => {
      queryClient.setQueryData<RoundDetail>(principlesKeys.round(round), (detail) =>
        detail
          ? { ...detail, proposals: detail.proposals.map((p) => (p.id === updated.id ? updated : p)) }
          : detail,
      );
      return queryClient.invalidateQueries({ queryKey: principlesKeys.comments(updated.id) });
    },
  });
}

export function useVeto() {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: ({ proposal, reason }: { proposal: number; reason: string }) =>
      vetoProposal(proposal, reason),
    onSuccess: invalidate,
  });
}

export function useAddComment(proposal: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ text, dwellMs }: { text: string; dwellMs: number }) => addComment(proposal, text, dwellMs),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: principlesKeys.comments(proposal) }),
  });
}

/**
 * Live tallies: the server lets a participant listen to "round:<round>.<proposal>" only after
 * voting on that proposal, so subscribe to exactly those; each event refetches the round.
 */
export function useLiveTallies(round: RoundDetail | undefined) {
  const client = useEventsClient();
  const queryClient = useQueryClient();
  const groups = (round?.proposals ?? [])
    .filter((p) => p.my_vote !== null)
    .map((p) => `round:${p.round}.${p.id}`)
    .join(" ");
  useEffect(() => {
    if (!groups) return undefined;
    const unsubscribes = groups.split(" ").map((group) =>
      client.subscribe(group, () => {
        void queryClient.invalidateQueries({ queryKey: principlesKeys.all });
      }),
    );
    return () => unsubscribes.forEach((unsubscribe) => unsubscribe());
  }, [client, queryClient, groups]);
}
