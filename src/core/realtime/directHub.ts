import type Client from "pocketbase";
import { authIdentity } from "../auth/authIdentity";
import { callSafely } from "./callSafely";
import { connectionWatchdog } from "./connectionWatchdog";
import type { RealtimeHub, RealtimeHubOptions, RealtimeListener, RealtimeTopic } from "./realtimeHubTypes";
import { topicKey } from "./topicKey";
import { realtimeStatusStore } from "./realtimeStatusStore";
import { sdkConnection } from "./sdkConnection";
import { subscribeTracked } from "./subscribeTracked";

/** One SDK subscription: a (topic, options) and its listeners, counted. */
interface Entry {
  readonly key: string;
  readonly topic: RealtimeTopic;
  listeners: Map<RealtimeListener, number>;
  /** Bumped on every (re)start and on release: callbacks of older attempts are ignored. */
  generation: number;
  stop?: () => void;
  /** Failed attempts in a row, indexing `retryDelays`. */
  attempt: number;
  /** A `subscribe()` of ours has not settled yet. */
  pending?: boolean;
  /** The server confirmed the current attempt (until the next restart). */
  confirmed?: boolean;
  retry?: ReturnType<typeof setTimeout>;
}

/**
 * A realtime hub on this tab's own connection (see `realtimeHub`, which picks it, or the shared
 * one). It owns every SDK subscription the hooks need and works around how PocketBase and its
 * SDK behave:
 *
 * - One SDK subscription per (topic, options), counted by listener. It is removed by its exact
 *   listener, also when the last one leaves before `subscribe()` settles, never by topic:
 *   `collection(c).unsubscribe()` without a topic matches by prefix (`c_archive/*` too).
 * - A failed subscribe is retried with backoff: the SDK never retries a failed first connect.
 * - After a drop the SDK reconnects by itself; if it stays disconnected for `watchdogMs`, the
 *   hub subscribes everything again: a drop during the subscribe handshake can leave the SDK
 *   disconnected for good, with no `onDisconnect`.
 * - Listeners hear `onLive` when a subscription is confirmed and after every reconnect:
 *   PocketBase replays nothing that happened in between.
 * - A change of signed-in user re-subscribes everything on a fresh connection: the SDK keeps
 *   its connection's auth, and PocketBase answers 403 to a new user on an existing connection.
 *
 * Tested by tests/core/realtime/realtimeHub.sharing.test.tsx, realtimeHub.reconnect.test.tsx,
 * realtimeHub.handshakeDrop.test.tsx, realtimeHub.userSwitch.test.tsx and
 * realtimeHub.userSwitchEdges.test.tsx.
 * @internal
 */
export function directHub(pb: Client, options: Required<RealtimeHubOptions>): DirectHub {
  const entries = new Map<string, Entry>();
  const status = realtimeStatusStore();
  let identity = authIdentity(pb.authStore.record);
  /** From PB_CONNECT; a new one means a reconnect. */
  let clientId: string | undefined;
  let stopConnectWatch: (() => void) | undefined;
  let stopWatchdog: (() => void) | undefined;
  /** Counts `resubscribeAll` rounds (two changes of user in one tick): only the newest acts. */
  let round = 0;

  function subscribe(topic: RealtimeTopic, listener: RealtimeListener): () => void {
    const key = topicKey(topic);
    let entry = entries.get(key);
    if (!entry) {
      entry = { key, topic, listeners: new Map(), generation: 0, attempt: 0 };
      entries.set(key, entry);
      entry.listeners.set(listener, 1);
      start(entry);
    } else if (listener.first && !entry.listeners.has(listener)) {
      entry.listeners = new Map([[listener, 1], ...entry.listeners]);
    } else {
      entry.listeners.set(listener, (entry.listeners.get(listener) ?? 0) + 1);
    }
    const mine = entry;
    let done = false;
    return () => {
      if (done) return;
      done = true;
      release(mine, listener);
    };
  }

  function start(entry: Entry) {
    entry.stop?.(); // a previous attempt's listener must never outlive it
    const generation = ++entry.generation;
    if (status.get().state === "disconnected") status.set({ state: "connecting" });
    watchConnection();
    const attempt = subscribeTracked(pb, entry.topic.topic, entry.topic.options, (data) => {
      if (entry.generation !== generation) return;
      for (const listener of entry.listeners.keys()) callSafely(() => listener.onMessage(data));
    });
    entry.stop = attempt.stop;
    entry.pending = true;
    entry.confirmed = false;
    entry.retry = undefined;
    attempt.done.then(
      () => {
        if (entry.generation !== generation) return;
        entry.pending = false;
        entry.confirmed = true;
        entry.attempt = 0;
        if (pb.realtime.isConnected) status.set({ state: "connected", error: undefined });
        notifyLive(entry);
      },
      (error: unknown) => {
        if (entry.generation !== generation) return;
        entry.pending = false;
        attempt.stop(); // the SDK keeps a failed attempt's listener: drop it
        status.set({ state: clientId ? "reconnecting" : "connecting", error });
        // 403: the connection belongs to another user; asking again on it cannot succeed.
        if ((error as { status?: number }).status === 403) return;
        const delays = options.retryDelays;
        const delay = delays[Math.min(entry.attempt++, delays.length - 1)] ?? 1000;
        entry.retry = setTimeout(() => entries.get(entry.key) === entry && start(entry), delay);
      },
    );
  }

  // Held only while the hub has topics: the SDK counts a PB_CONNECT listener as a subscription
  // and would keep the connection open for it alone.
  function watchConnection() {
    stopWatchdog ??= connectionWatchdog({
      isConnected: () => pb.realtime.isConnected,
      busy: () => live().some((entry) => entry.retry !== undefined || entry.pending),
      periodMs: Math.min(1000, options.watchdogMs),
      watchdogMs: options.watchdogMs,
      onDown: () => {
        if (status.get().state === "connected") status.set({ state: "reconnecting" });
      },
      onStuck: () => void resubscribeAll(),
    });
    if (stopConnectWatch) return;
    stopConnectWatch = subscribeTracked(pb, "PB_CONNECT", undefined, (data) => {
      const id = (data as { clientId?: string }).clientId;
      const reconnected = clientId !== undefined && id !== clientId;
      clientId = id;
      status.set({ state: "connected", error: undefined });
      if (reconnected) live().forEach(notifyLive);
    }).stop;
  }

  function release(entry: Entry, listener: RealtimeListener) {
    const count = (entry.listeners.get(listener) ?? 0) - 1;
    if (count > 0) return void entry.listeners.set(listener, count);
    entry.listeners.delete(listener);
    if (entry.listeners.size > 0) return;
    entries.delete(entry.key);
    entry.generation++;
    clearTimeout(entry.retry);
    entry.stop?.();
    if (entries.size === 0) {
      stopConnectWatch?.();
      stopConnectWatch = undefined;
      stopWatchdog?.();
      stopWatchdog = undefined;
      clientId = undefined;
      status.set({ state: "disconnected", error: undefined });
    }
  }

  // Waits for the SDK to close its connection before subscribing again: unsubscribing and
  // subscribing in one tick sends nothing, and the connection keeps its old auth.
  async function resubscribeAll() {
    const mine = ++round;
    for (const entry of live()) {
      entry.generation++;
      clearTimeout(entry.retry);
      entry.retry = undefined;
      entry.stop?.();
      entry.stop = undefined;
      entry.confirmed = false;
    }
    stopConnectWatch?.();
    stopConnectWatch = undefined;
    const stillOpen = !(await sdkConnection.closed(pb));
    if (mine !== round || entries.size === 0) return; // superseded, or nothing left to do
    // The app's own subscriptions hold the connection open: drop it, so the SDK opens a new one
    // with the new auth, carrying every topic, the app's too.
    if (stillOpen) sdkConnection.drop(pb);
    status.set({ state: clientId ? "reconnecting" : "connecting" });
    for (const entry of live()) start(entry);
  }

  function live() {
    return [...entries.values()];
  }

  function notifyLive(entry: Entry) {
    for (const listener of entry.listeners.keys()) callSafely(() => listener.onLive?.());
  }

  const previousOnDisconnect = pb.realtime.onDisconnect;
  pb.realtime.onDisconnect = (active) => {
    previousOnDisconnect?.(active);
    // An empty list means a deliberate close: the last topic left.
    if (active.length > 0 && entries.size > 0) status.set({ state: "reconnecting" });
  };

  pb.authStore.onChange((_token, record) => {
    const next = authIdentity(record);
    if (next === identity) return; // a token refresh of the same user
    identity = next;
    if (entries.size > 0) void resubscribeAll();
  });

  function isLive(topic: RealtimeTopic): boolean {
    return entries.get(topicKey(topic))?.confirmed === true && status.get().state === "connected";
  }

  return { options, status, subscribe, isLive };
}

/** A hub on this tab's own connection, which can tell whether a topic is live. @internal */
export interface DirectHub extends RealtimeHub {
  /** The topic is subscribed, confirmed by the server, and the connection is up. */
  isLive(topic: RealtimeTopic): boolean;
}
