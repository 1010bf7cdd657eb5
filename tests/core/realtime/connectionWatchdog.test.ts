import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { connectionWatchdog } from "../../../src/core/realtime/connectionWatchdog";

/** A watchdog checking every second, stuck after 3 s down; the test sets the connection and busy. */
function watched() {
  const state = { connected: false, busy: false, down: 0, stuck: 0 };
  const stop = connectionWatchdog({
    isConnected: () => state.connected,
    busy: () => state.busy,
    periodMs: 1000,
    watchdogMs: 3000,
    onDown: () => state.down++,
    onStuck: () => state.stuck++,
  });
  return { state, stop };
}

describe("connectionWatchdog", () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it("fires once the connection has been down for watchdogMs, then again after each further watchdogMs", () => {
    const { state, stop } = watched();
    vi.advanceTimersByTime(1000); // the first check finds it down
    expect(state.down).toBe(1);
    vi.advanceTimersByTime(2999);
    expect(state.stuck).toBe(0);
    vi.advanceTimersByTime(1); // 3 s after it was first seen down
    expect(state.stuck).toBe(1);
    vi.advanceTimersByTime(2000);
    expect(state.stuck).toBe(1);
    vi.advanceTimersByTime(1000);
    expect(state.stuck).toBe(2);
    expect(state.down).toBe(7);
    stop();
  });

  it("does not fire while the caller's own attempt is under way, and fires at the first check after it ends", () => {
    const { state, stop } = watched();
    state.busy = true;
    vi.advanceTimersByTime(10_000);
    expect(state.stuck).toBe(0);
    expect(state.down).toBe(10); // still reported down on every check
    state.busy = false;
    vi.advanceTimersByTime(1000);
    expect(state.stuck).toBe(1);
    stop();
  });

  it("starts counting again when the connection was seen up in between", () => {
    const { state, stop } = watched();
    vi.advanceTimersByTime(2000); // down since 1 s
    state.connected = true;
    vi.advanceTimersByTime(1000); // seen up at 3 s
    expect(state.down).toBe(2);
    state.connected = false;
    vi.advanceTimersByTime(3999); // down again since 4 s
    expect(state.stuck).toBe(0);
    vi.advanceTimersByTime(1);
    expect(state.stuck).toBe(1);
    stop();
  });

  it("checks nothing once stopped", () => {
    const { state, stop } = watched();
    vi.advanceTimersByTime(1000);
    stop();
    vi.advanceTimersByTime(60_000);
    expect(state).toMatchObject({ down: 1, stuck: 0 });
    expect(vi.getTimerCount()).toBe(0);
  });
});
