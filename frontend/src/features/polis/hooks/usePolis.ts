import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchConversations, polisKeys, uploadConversation, type PolisUpload } from "../api/polis";

export function useConversations() {
  return useQuery({ queryKey: polisKeys.conversations, queryFn: fetchConversations });
}

export function useUploadConversation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (upload: PolisUpload) => uploadConversation(upload),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: polisKeys.conversations }),
  });
}
