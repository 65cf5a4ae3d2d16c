import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useGroupEvents } from "../../../lib/events";
import {
  fetchAnalytics,
  fetchCampaigns,
  fetchMyReliability,
  fetchNextItem,
  hazardKeys,
  skipItem,
  submitLabel,
  type LabelInput,
} from "../api/hazards";

export function useCampaigns() {
  return useQuery({ queryKey: hazardKeys.campaigns, queryFn: fetchCampaigns });
}

export function useNextItem(campaign: number) {
  return useQuery({
    queryKey: hazardKeys.next(campaign),
    queryFn: () => fetchNextItem(campaign),
    staleTime: Infinity,
  });
}

export function useMyReliability() {
  return useQuery({ queryKey: hazardKeys.mine, queryFn: fetchMyReliability });
}

/** Analytics refresh when labels arrive in the campaign (websocket events). */
export function useAnalytics(campaign: number) {
  const queryClient = useQueryClient();
  useGroupEvents(`campaign:${campaign}`, (event) => {
    if (event.type.startsWith("label") || event.type === "response.completed") {
      void queryClient.invalidateQueries({ queryKey: hazardKeys.analytics(campaign) });
    }
  });
  return useQuery({
    queryKey: hazardKeys.analytics(campaign),
    queryFn: () => fetchAnalytics(campaign),
    // The server computes the figures in a task; ask again until it has stored them.
    refetchInterval: (query) => (query.state.data?.recomputing ? 2000 : false),
  });
}

export function useSubmitLabel(campaign: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ response, body }: { response: number; body: LabelInput }) => submitLabel(response, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: hazardKeys.next(campaign) }),
  });
}

export function useSkipItem(campaign: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ response, reason }: { response: number; reason: string }) => skipItem(response, reason),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: hazardKeys.next(campaign) }),
  });
}
