import { useMutation, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useEventsClient } from "../../../lib/events";
import { meQueryKey } from "../../../lib/session";
import { login, logout } from "../api/auth";

/** Drops every cached query except the session, so no user sees another's data. */
function forgetUserData(queryClient: QueryClient) {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
}

export function useLogin() {
  const queryClient = useQueryClient();
  const events = useEventsClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (me) => {
      events.disconnect();
      forgetUserData(queryClient);
      queryClient.setQueryData(meQueryKey, me);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  const events = useEventsClient();
  return useMutation({
    mutationFn: logout,
    onSettled: () => {
      // Even if the request failed, stop showing the old session's data.
      events.disconnect();
      forgetUserData(queryClient);
      queryClient.setQueryData(meQueryKey, null);
    },
  });
}
