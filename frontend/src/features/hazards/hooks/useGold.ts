import { useMutation, useQueryClient } from "@tanstack/react-query";
import { hazardKeys } from "../api/hazards";
import { clearResponseGold, importCampaignGold, setResponseGold } from "../api/gold";

/** The gold answer of one response: true/false sets it, null makes it an ordinary item. */
export function useResponseGold(campaign: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ response, harmful }: { response: number; harmful: boolean | null }) =>
      harmful === null ? clearResponseGold(response) : setResponseGold(response, harmful),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: hazardKeys.responses(campaign) }),
  });
}

export function useCampaignGoldImport(campaign: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => importCampaignGold(campaign),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: hazardKeys.responses(campaign) }),
  });
}
