import { createSignal, type Accessor } from "solid-js";
import type { RecordEvent } from "../../src/index";

/** One realtime event as the log shows it. */
export interface LoggedEvent {
  seq: number;
  action: RecordEvent["action"];
  id: string;
  name: string;
  /** When it arrived (after the library had applied it to the cache). */
  at: Date;
  /**
   * `pending`: the board does not reflect it yet; `shown`: the board shows the new version, `ms`
   * after arrival; `left`: the row left the board (deleted, or no longer matching the filter),
   * `ms` after arrival; `off-screen`: nothing on screen was concerned (not in the filter or on
   * this page, or already gone: the echo of this window's own optimistic delete).
   */
  outcome: "pending" | "shown" | "left" | "off-screen";
  ms?: number;
}

/** How long to look for an event's effect on screen before calling it off-screen. */
const GIVE_UP_MS = 3000;

/**
 * The realtime event log of the board, newest first, with each event's time to screen.
 *
 * `useRealtimeCollection`'s `onEvent` runs right after the library has written the event into
 * the cache. From then on the log checks once per animation frame whether the board's DOM
 * reflects the event, and records the time of the first frame that does: the delay a user sees,
 * cache notification and re-render included, at the resolution of one frame (~16 ms). A list
 * the library cannot patch in place (a filter it cannot decide on the client) is refetched
 * instead, and the refetch is part of the measured time.
 *
 * @param shownVersion - The `updated` value of the record's row on screen, or `undefined` when
 *   the board shows no row for it.
 * @param max - How many entries to keep.
 */
export function createEventLog<T extends { id: string; name?: string; updated?: string }>(
  shownVersion: (id: string) => string | undefined,
  max = 40,
): { entries: Accessor<LoggedEvent[]>; record: (event: RecordEvent<T>) => void } {
  const [entries, setEntries] = createSignal<LoggedEvent[]>([]);
  let seq = 0;

  const settle = (n: number, patch: Partial<LoggedEvent>) =>
    setEntries((list) => list.map((entry) => (entry.seq === n ? { ...entry, ...patch } : entry)));

  const record = (event: RecordEvent<T>) => {
    const arrived = performance.now();
    const n = ++seq;
    const { id, name = "", updated } = event.record;
    setEntries((list) => [{ seq: n, action: event.action, id, name, at: new Date(), outcome: "pending" as const }, ...list].slice(0, max));
    // The DOM has not been touched yet (the cache notifies its observers after this callback).
    const wasOnScreen = shownVersion(id) !== undefined;
    if (event.action === "delete" && !wasOnScreen) return settle(n, { outcome: "off-screen" });

    // performance.now(), not the callback's argument: that is the frame's start, which can
    // precede the event's arrival.
    const frame = () => {
      const now = performance.now();
      const ms = Math.round(now - arrived);
      const version = shownVersion(id);
      if (event.action !== "delete" && version === updated) settle(n, { outcome: "shown", ms });
      else if (wasOnScreen && version === undefined) settle(n, { outcome: "left", ms });
      else if (now - arrived > GIVE_UP_MS) settle(n, { outcome: "off-screen" });
      else requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  };

  return { entries, record };
}
