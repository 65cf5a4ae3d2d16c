import { api } from "../../../lib/api/client";
import { unwrap } from "../../../lib/api/errors";
import type { RequestJson, ResponseJson } from "../../../lib/api/types";

export type EndpointPage = ResponseJson<"/api/webhooks/endpoints/", "get">;
export type Endpoint = EndpointPage["results"][number];
/** The answer to a registration: the only time the endpoint's secret is shown. */
export type CreatedEndpoint = ResponseJson<"/api/webhooks/endpoints/", "post", 201>;
export type EndpointInput = RequestJson<"/api/webhooks/endpoints/", "post">;
export type EndpointChange = RequestJson<"/api/webhooks/endpoints/{id}/", "patch">;
export type EventTypeOption = ResponseJson<"/api/webhooks/event-types/", "get">[number];
export type EventType = EventTypeOption["value"];
export type DeliveryPage = ResponseJson<"/api/webhooks/endpoints/{id}/deliveries/", "get">;
export type Delivery = DeliveryPage["results"][number];

export const webhookKeys = {
  all: ["webhooks"] as const,
  endpoints: ["webhooks", "endpoints"] as const,
  eventTypes: ["webhooks", "event-types"] as const,
  deliveries: (id: number, page: number) => ["webhooks", "deliveries", id, page] as const,
  deliveriesOf: (id: number) => ["webhooks", "deliveries", id] as const,
};

export async function fetchEndpoints(): Promise<EndpointPage> {
  return unwrap(await api.GET("/api/webhooks/endpoints/", { params: { query: { page: 1, page_size: 500 } } }));
}

export async function fetchEventTypes(): Promise<EventTypeOption[]> {
  return unwrap(await api.GET("/api/webhooks/event-types/"));
}

export async function createEndpoint(body: EndpointInput): Promise<CreatedEndpoint> {
  return unwrap(await api.POST("/api/webhooks/endpoints/", { body }));
}

export async function changeEndpoint(id: number, body: EndpointChange): Promise<Endpoint> {
  return unwrap(await api.PATCH("/api/webhooks/endpoints/{id}/", { params: { path: { id } }, body }));
}

export async function deleteEndpoint(id: number): Promise<void> {
  unwrap(await api.DELETE("/api/webhooks/endpoints/{id}/", { params: { path: { id } } }));
}

export async function sendTestEvent(id: number): Promise<Delivery> {
  return unwrap(await api.POST("/api/webhooks/endpoints/{id}/test/", { params: { path: { id } } }));
}

export async function fetchDeliveries(id: number, page: number): Promise<DeliveryPage> {
  return unwrap(
    await api.GET("/api/webhooks/endpoints/{id}/deliveries/", { params: { path: { id }, query: { page } } }),
  );
}
