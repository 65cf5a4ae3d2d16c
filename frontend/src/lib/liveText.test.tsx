import { act, renderHook } from "@testing-library/react";
import type { ReactNode } from "react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { FakeWebSocket } from "../test/fakeWebSocket";
import { EventsClient, EventsProvider } from "./events";
import { useLiveText, type LiveTextOptions } from "./liveText";

function renderLiveText(group: string | null, options: LiveTextOptions) {
  const client = new EventsClient({ url: "ws://test/ws/events/", WebSocket: FakeWebSocket });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <EventsProvider client={client}>{children}</EventsProvider>
  );
  const hook = renderHook(({ group }) => useLiveText(group, options), { wrapper, initialProps: { group } });
  const socket = FakeWebSocket.latest();
  act(() => socket.acceptConnection());
  const emit = (group: string, type: string, payload: Record<string, unknown>) =>
    act(() => socket.emit({ type, group, payload }));
  return { ...hook, socket, emit };
}

const options = (overrides: Partial<LiveTextOptions> = {}): LiveTextOptions => ({
  delta: "response.delta",
  keyOf: (payload) => (typeof payload.id === "number" ? String(payload.id) : null),
  ...overrides,
});

describe("useLiveText", () => {
  beforeEach(() => FakeWebSocket.reset());

  it("appends each stream's deltas under its key and ignores what is not a delta of a known text", () => {
    const { result, emit } = renderLiveText("campaign:7", options());

    emit("campaign:7", "response.delta", { id: 21, text: "str" });
    emit("campaign:7", "response.delta", { id: 22, text: "Other" });
    emit("campaign:7", "response.delta", { id: 21, text: "eam" });
    emit("campaign:7", "response.delta", { text: "no id" });
    emit("campaign:7", "response.delta", { id: 21 });
    emit("campaign:8", "response.delta", { id: 21, text: "another group" });

    expect(result.current).toEqual({ "21": "stream", "22": "Other" });
  });

  it("passes every other event on, and drops the texts after a clearing event", () => {
    const onEvent = vi.fn();
    const { result, emit } = renderLiveText(
      "debate:3",
      options({
        delta: "debate.turn.delta",
        keyOf: (payload) => `${String(payload.round)}:${String(payload.slot)}`,
        clearOn: ["debate.turn.completed"],
        onEvent,
      }),
    );

    emit("debate:3", "debate.turn.delta", { round: 0, slot: "A", text: "Boats" });
    emit("debate:3", "debate.turn.started", { round: 0, slot: "B" });
    expect(result.current).toEqual({ "0:A": "Boats" });
    expect(onEvent).toHaveBeenCalledTimes(1);

    emit("debate:3", "debate.turn.completed", { turn: 5 });
    expect(result.current).toEqual({});
    expect(onEvent).toHaveBeenCalledTimes(2);
    expect(onEvent).toHaveBeenLastCalledWith(expect.objectContaining({ type: "debate.turn.completed" }));
  });

  it("starts from nothing when the group changes", () => {
    const { result, emit, rerender, socket } = renderLiveText("generation:1", options({ delta: "generation.delta" }));
    emit("generation:1", "generation.delta", { id: 1, text: "first" });
    expect(result.current).toEqual({ "1": "first" });

    rerender({ group: "generation:2" });
    expect(result.current).toEqual({});
    expect(socket.sent).toContainEqual({ action: "unsubscribe", group: "generation:1" });
    emit("generation:2", "generation.delta", { id: 2, text: "second" });
    expect(result.current).toEqual({ "2": "second" });
  });
});
