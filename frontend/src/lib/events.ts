import { createContext, createElement, useContext, useEffect, useRef, type ReactNode } from "react";

/** One message from the server: {"type", "group", "payload"}. */
export type ServerEvent = {
  type: string;
  group: string;
  payload: Record<string, unknown>;
};

export type EventHandler = (event: ServerEvent) => void;

type ClientMessage = { action: "subscribe" | "unsubscribe"; group: string };

/** The subset of the browser WebSocket that this client uses. */
type SocketLike = Pick<WebSocket, "readyState" | "send" | "close"> & {
  onopen: ((ev: Event) => unknown) | null;
  onmessage: ((ev: MessageEvent) => unknown) | null;
  onclose: ((ev: CloseEvent) => unknown) | null;
  onerror: ((ev: Event) => unknown) | null;
};
type SocketConstructor = new (url: string) => SocketLike;

export type EventsClientOptions = {
  url?: string;
  /** Defaults to the global WebSocket, looked up when a socket is opened. */
  WebSocket?: SocketConstructor;
  /** First reconnect delay in ms; doubles per failed attempt up to maxDelayMs. */
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** Source of jitter in [0, 1); injectable so tests are deterministic. */
  random?: () => number;
};

const OPEN = 1; // WebSocket.OPEN, spelled out so fakes need not define statics.

export function eventsUrl(location: Pick<Location, "protocol" | "host"> = window.location): string {
  const scheme = location.protocol === "https:" ? "wss" : "ws";
  return `${scheme}://${location.host}/ws/events/`;
}

function parseEvent(raw: unknown): ServerEvent | null {
  if (typeof raw !== "string") return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null) return null;
  const { type, group, payload } = value as Record<string, unknown>;
  if (typeof type !== "string" || typeof group !== "string") return null;
  const body = typeof payload === "object" && payload !== null ? payload : {};
  return { type, group, payload: body as Record<string, unknown> };
}

/**
 * One WebSocket to /ws/events/ shared by the whole app (the session cookie
 * authenticates it). It opens on the first subscription, re-sends every
 * subscription after a reconnect, and reconnects with jittered exponential
 * backoff while anything is still subscribed.
 */
export class EventsClient {
  private readonly options: Required<Omit<EventsClientOptions, "WebSocket" | "url">> &
    Pick<EventsClientOptions, "WebSocket" | "url">;
  private readonly handlers = new Map<string, Set<EventHandler>>();
  private socket: SocketLike | null = null;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private failedAttempts = 0;

  constructor(options: EventsClientOptions = {}) {
    this.options = {
      initialDelayMs: 500,
      maxDelayMs: 30_000,
      random: Math.random,
      ...options,
    };
  }

  /** Calls handler for every event on group; returns the unsubscribe function. */
  subscribe(group: string, handler: EventHandler): () => void {
    let groupHandlers = this.handlers.get(group);
    if (!groupHandlers) {
      groupHandlers = new Set();
      this.handlers.set(group, groupHandlers);
      // When the socket is not open yet, onopen subscribes to every group.
      this.send({ action: "subscribe", group });
    }
    groupHandlers.add(handler);
    this.ensureConnected();

    return () => {
      const current = this.handlers.get(group);
      if (!current?.delete(handler) || current.size > 0) return;
      this.handlers.delete(group);
      this.send({ action: "unsubscribe", group });
    };
  }

  /**
   * Closes the socket without reconnecting (at sign-out: the server bound it to
   * the old session). A later subscribe opens a fresh one.
   */
  disconnect(): void {
    if (this.reconnectTimer !== null) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
    this.failedAttempts = 0;
    const socket = this.socket;
    this.socket = null;
    socket?.close();
  }

  private send(message: ClientMessage): void {
    if (this.socket?.readyState === OPEN) this.socket.send(JSON.stringify(message));
  }

  private ensureConnected(): void {
    if (this.socket !== null || this.reconnectTimer !== null) return;
    this.open();
  }

  private open(): void {
    const Socket = this.options.WebSocket ?? (globalThis.WebSocket as unknown as SocketConstructor);
    const socket = new Socket(this.options.url ?? eventsUrl());
    this.socket = socket;

    socket.onopen = () => {
      this.failedAttempts = 0;
      for (const group of this.handlers.keys()) {
        socket.send(JSON.stringify({ action: "subscribe", group } satisfies ClientMessage));
      }
    };
    socket.onmessage = (message) => {
      const event = parseEvent(message.data);
      if (!event) return;
      // Copy: a handler may unsubscribe while we iterate.
      for (const handler of [...(this.handlers.get(event.group) ?? [])]) handler(event);
    };
    socket.onclose = () => {
      // Ignore the close of a socket we already replaced or disconnected.
      if (this.socket !== socket) return;
      this.socket = null;
      if (this.handlers.size > 0) this.scheduleReconnect();
    };
  }

  private scheduleReconnect(): void {
    const { initialDelayMs, maxDelayMs, random } = this.options;
    const ceiling = Math.min(maxDelayMs, initialDelayMs * 2 ** this.failedAttempts);
    // "Equal jitter": between half and all of the ceiling, so clients that lost
    // the server together do not all return in the same instant.
    const delay = ceiling / 2 + random() * (ceiling / 2);
    this.failedAttempts += 1;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      if (this.handlers.size > 0) this.open();
    }, delay);
  }
}

const EventsContext = createContext<EventsClient | null>(null);

export function EventsProvider({ client, children }: { client: EventsClient; children: ReactNode }) {
  return createElement(EventsContext.Provider, { value: client }, children);
}

export function useEventsClient(): EventsClient {
  const client = useContext(EventsContext);
  if (!client) throw new Error("useEventsClient needs an <EventsProvider> above it.");
  return client;
}

/**
 * Subscribes to group while the component is mounted (none when group is
 * null). The latest handler is always called without resubscribing.
 */
export function useGroupEvents(group: string | null, handler: EventHandler): void {
  const client = useEventsClient();
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    if (group === null) return undefined;
    return client.subscribe(group, (event) => latest.current(event));
  }, [client, group]);
}
