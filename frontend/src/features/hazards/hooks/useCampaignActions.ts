import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useGroupEvents } from "../../../lib/events";
import {
  adjudicate,
  fetchResponses,
  fetchVersions,
  hazardKeys,
  requestAILabels,
  rerunCampaign,
} from "../api/hazards";

/**
 * The campaign's responses with live text: response.delta events are appended
 * only to show streaming; response.completed invalidates the list, and the
 * stored text then replaces the streamed one.
 */
export function useCampaignResponses(campaign: number) {
  const queryClient = useQueryClient();
  const [streams, setStreams] = useState<Record<number, string>>({});
  useGroupEvents(`campaign:${campaign}`, (event) => {
    const id = event.payload.id;
    if (typeof id !== "number") return;
    if (event.type === "response.delta" && typeof event.payload.text === "string") {
      const text = event.payload.text;
      setStreams((s) => ({ ...s, [id]: (s[id] ?? "") + text }));
    } else if (event.type === "response.completed") {
      void queryClient.invalidateQueries({ queryKey: hazardKeys.responses(campaign) });
    }
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
