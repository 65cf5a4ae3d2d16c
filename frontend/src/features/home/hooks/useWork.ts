import { useQuery } from "@tanstack/react-query";
import { fetchWork, workKeys } from "../api/work";

export function useWork() {
  return useQuery({ queryKey: workKeys.all, queryFn: fetchWork });
}
