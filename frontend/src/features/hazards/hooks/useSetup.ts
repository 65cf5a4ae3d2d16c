import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  createCampaign,
  createTaxonomy,
  fetchImportedReport,
  fetchLines,
  fetchTaxonomies,
  hazardKeys,
  importPrompts,
  requestAttacks,
  type CampaignInput,
  type TaxonomyInput,
} from "../api/hazards";

export function useTaxonomies() {
  return useQuery({ queryKey: hazardKeys.taxonomies, queryFn: fetchTaxonomies });
}

export function useLines() {
  return useQuery({ queryKey: ["hazards", "lines"], queryFn: fetchLines });
}

export function useCreateCampaign() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CampaignInput) => createCampaign(body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: hazardKeys.campaigns }),
  });
}

export function useCreateTaxonomy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TaxonomyInput) => createTaxonomy(body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: hazardKeys.taxonomies }),
  });
}

export function useImportPrompts(campaign: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, format }: { file: File; format: "prompts" | "ailuminate" }) =>
      importPrompts(campaign, file, format),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: hazardKeys.responses(campaign) }),
        queryClient.invalidateQueries({ queryKey: hazardKeys.campaigns }),
      ]),
  });
}

export function useRequestAttacks(campaign: number) {
  return useMutation({
    mutationFn: ({ category, count }: { category: string; count: number }) =>
      requestAttacks(campaign, category, count),
  });
}

export function useImportedReport() {
  return useQuery({ queryKey: ["hazards", "report"], queryFn: fetchImportedReport });
}
