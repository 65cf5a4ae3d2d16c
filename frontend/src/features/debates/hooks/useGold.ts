import { useMutation, useQueryClient } from "@tanstack/react-query";
import { researchKeys } from "../api/debates";
import { setDebateGold } from "../api/gold";

export function useDebateGold() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ debate, gold }: { debate: number; gold: boolean }) => setDebateGold(debate, gold),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: researchKeys.list() }),
  });
}
