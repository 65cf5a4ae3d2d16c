import { act, renderHook } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { useDwellTime } from "./useDwellTime";

function setVisibility(state: DocumentVisibilityState) {
  Object.defineProperty(document, "visibilityState", { configurable: true, get: () => state });
  document.dispatchEvent(new Event("visibilitychange"));
}

describe("useDwellTime", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["performance", "Date"] });
    vi.spyOn(document, "hasFocus").mockReturnValue(true);
    setVisibility("visible");
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it("counts the time the item is visible and focused", () => {
    const { result } = renderHook(() => useDwellTime(1));
    vi.advanceTimersByTime(3000);
    expect(result.current()).toBe(3000);
  });

  it("pauses while the tab is hidden", () => {
    const { result } = renderHook(() => useDwellTime(1));
    vi.advanceTimersByTime(1000);
    act(() => setVisibility("hidden"));
    vi.advanceTimersByTime(60_000);
    expect(result.current()).toBe(1000);
    act(() => setVisibility("visible"));
    vi.advanceTimersByTime(500);
    expect(result.current()).toBe(1500);
  });

  it("pauses while another window has the focus", () => {
    const { result } = renderHook(() => useDwellTime(1));
    vi.advanceTimersByTime(2000);
    act(() => {
      window.dispatchEvent(new Event("blur"));
    });
    vi.advanceTimersByTime(10_000);
    act(() => {
      window.dispatchEvent(new Event("focus"));
    });
    vi.advanceTimersByTime(1000);
    expect(result.current()).toBe(3000);
  });

  it("starts again for the next item", () => {
    const { result, rerender } = renderHook(({ item }) => useDwellTime(item), {
      initialProps: { item: 1 },
    });
    vi.advanceTimersByTime(4000);
    rerender({ item: 2 });
    vi.advanceTimersByTime(250);
    expect(result.current()).toBe(250);
  });

  it("does not count a page opened in a background tab", () => {
    setVisibility("hidden");
    const { result } = renderHook(() => useDwellTime(1));
    vi.advanceTimersByTime(5000);
    expect(result.current()).toBe(0);
  });
});
