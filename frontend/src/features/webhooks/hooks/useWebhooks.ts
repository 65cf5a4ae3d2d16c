import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  changeEndpoint,
  createEndpoint,
  deleteEndpoint,
  fetchDeliveries,
  fetchEndpoints,
  fetchEventTypes,
  sendTestEvent,
  webhookKeys,
  type EndpointChange,
} from "../api/webhooks";

export function useEndpoints() {
  return useQuery({ queryKey: webhookKeys.endpoints, queryFn: fetchEndpoints });
}

export function useEventTypes() {
  return useQuery({ queryKey: webhookKeys.eventTypes, queryFn: fetchEventTypes, staleTime: Infinity });
}

/** Seconds between refreshes of a log that still has deliveries waiting for an attempt. */
const PENDING_REFRESH_MS = 3000;

export function useDeliveries(id: number, page: number) {
  return useQuery({
    queryKey: webhookKeys.deliveries(id, page),
    queryFn: () => fetchDeliveries(id, page),
    placeholderData: keepPreviousData,
    refetchInterval: (query) =>
      query.state.data?.results.some((delivery) => delivery.status === "pending") ? PENDING_REFRESH_MS : false,
  });
}

export function useCreateEndpoint() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createEndpoint,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhookKeys.endpoints }),
  });
}

export function useChangeEndpoint(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: EndpointChange) => changeEndpoint(id, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhookKeys.endpoints }),
  });
}

export function useDeleteEndpoint(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => deleteEndpoint(id),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: webhookKeys.deliveriesOf(id) });
      return queryClient.invalidateQueries({ queryKey: webhookKeys.endpoints });
    },
  });
}

export function useSendTestEvent(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => sendTestEvent(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhookKeys.deliveriesOf(id) }),
  });
}
