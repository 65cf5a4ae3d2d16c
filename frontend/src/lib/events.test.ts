import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { FakeWebSocket } from "../test/fakeWebSocket";
import { EventsClient, eventsUrl } from "./events";

function makeClient() {
  return new EventsClient({
    url: "ws://test/ws/events/",
    WebSocket: FakeWebSocket,
    initialDelayMs: 1000,
    maxDelayMs: 8000,
    random: () => 1, // always the full backoff ceiling
  });
}

describe("eventsUrl", () => {
  it("uses wss under https and ws otherwise, on the page's host", () => {
    expect(eventsUrl({ protocol: "https:", host: "co.example:8443" })).toBe(
      "wss://co.example:8443/ws/events/",
    );
    expect(eventsUrl({ protocol: "http:", host: "localhost:8000" })).toBe(
      "ws://localhost:8000/ws/events/",
    );
  });
});

describe("EventsClient", () => {
  beforeEach(() => FakeWebSocket.reset());
  afterEach(() => vi.useRealTimers());

  it("opens one socket, subscribes on open and dispatches events to the group's handlers", () => {
    const client = makeClient();
    const onTwelve = vi.fn();
    const alsoTwelve = vi.fn();
    const onThirteen = vi.fn();
    client.subscribe("generation:12", onTwelve);
    client.subscribe("generation:12", alsoTwelve);
    client.subscribe("generation:13", onThirteen);

    expect(FakeWebSocket.instances).toHaveLength(1);
    const socket = FakeWebSocket.latest();
    expect(socket.url).toBe("ws://test/ws/events/");
    socket.acceptConnection();
    expect(socket.sent).toEqual([
      { action: "subscribe", group: "generation:12" },
      { action: "subscribe", group: "generation:13" },
    ]);

    const delta = { type: "generation.delta", group: "generation:12", payload: { id: 12, text: "Hi" } };
    socket.emit(delta);
    socket.onmessage?.(new MessageEvent("message", { data: "not json" }));

    expect(onTwelve).toHaveBeenCalledExactlyOnceWith(delta);
    expect(alsoTwelve).toHaveBeenCalledExactlyOnceWith(delta);
    expect(onThirteen).not.toHaveBeenCalled();
  });

  it("subscribes immediately on an open socket and unsubscribes when the last handler leaves", () => {
    const client = makeClient();
    const stopFirst = client.subscribe("generation:1", vi.fn());
    const socket = FakeWebSocket.latest();
    socket.acceptConnection();

    const stopSecond = client.subscribe("generation:2", vi.fn());
    const stopSecondAgain = client.subscribe("generation:2", vi.fn());
    stopSecond();
    stopFirst();
    stopSecondAgain();

    expect(socket.sent).toEqual([
      { action: "subscribe", group: "generation:1" },
      { action: "subscribe", group: "generation:2" },
      { action: "unsubscribe", group: "generation:1" },
      { action: "unsubscribe", group: "generation:2" },
    ]);
  });

  it("reconnects with growing backoff and subscribes again", () => {
    vi.useFakeTimers();
    const client = makeClient();
    client.subscribe("generation:7", vi.fn());
    FakeWebSocket.latest().acceptConnection();

    FakeWebSocket.latest().drop();
    vi.advanceTimersByTime(999);
    expect(FakeWebSocket.instances).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(FakeWebSocket.instances).toHaveLength(2);

    // The second attempt fails before opening: the next wait doubles.
    FakeWebSocket.latest().drop();
    vi.advanceTimersByTime(1999);
    expect(FakeWebSocket.instances).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(FakeWebSocket.instances).toHaveLength(3);

    const socket = FakeWebSocket.latest();
    socket.acceptConnection();
    expect(socket.sent).toEqual([{ action: "subscribe", group: "generation:7" }]);
  });

  it("does not reconnect after disconnect() or when nothing is subscribed", () => {
    vi.useFakeTimers();
    const client = makeClient();
    const stop = client.subscribe("generation:7", vi.fn());
    FakeWebSocket.latest().acceptConnection();
    client.disconnect();
    vi.advanceTimersByTime(60_000);
    expect(FakeWebSocket.instances).toHaveLength(1);

    // A later subscription opens a fresh socket...
    const stopEight = client.subscribe("generation:8", vi.fn());
    expect(FakeWebSocket.instances).toHaveLength(2);
    FakeWebSocket.latest().acceptConnection();
    // ...and once nothing is subscribed, a dropped socket is left closed.
    stop();
    stopEight();
    FakeWebSocket.latest().drop();
    vi.advanceTimersByTime(60_000);
    expect(FakeWebSocket.instances).toHaveLength(2);
  });
});
