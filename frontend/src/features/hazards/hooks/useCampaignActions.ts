import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useLiveText } from "../../../lib/liveText";
import {
  adjudicate,
  fetchResponses,
  fetchVersions,
  hazardKeys,
  requestAILabels,
  rerunCampaign,
} from "../api/hazards";

/**
 * The campaign's responses with the text of those being generated; response.completed
 * invalidates the list, whose stored text then replaces the streamed one.
 */
export function useCampaignResponses(campaign: number) {
  const queryClient = useQueryClient();
  const streams = useLiveText(`campaign:${campaign}`, {
    delta: "response.delta",
    keyOf: (payload) => (typeof payload.id === "number" ? String(payload.id) : null),
    onEvent: (event) => {
      if (event.type === "response.completed") {
        void queryClient.invalidateQueries({ queryKey: hazardKeys.responses(campaign) });
      }
    },
  });
  const query = useQuery({ queryKey: hazardKeys.responses(campaign), queryFn: () => fetchResponses(campaign) });
  return { ...query, streams };
}

export function useLineVersions(line: string) {
  return useQuery({ queryKey: ["hazards", "versions", line], queryFn: () => fetchVersions(line) });
}

export function useRerun(campaign: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (version: number) => rerunCampaign(campaign, version),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: hazardKeys.responses(campaign) }),
  });
}

export function useAILabels(campaign: number) {
  return useMutation({ mutationFn: (version: number) => requestAILabels(campaign, version) });
}

export function useAdjudicate(campaign: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      response,
      ...body
    }: {
      response: number;
      harmful: boolean;
      reason: string;
      categories: string[];
    }) => adjudicate(response, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: hazardKeys.analytics(campaign) }),
  });
}
