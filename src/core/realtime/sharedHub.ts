import type Client from "pocketbase";
import { authIdentity } from "../auth/authIdentity";
import { callSafely } from "./callSafely";
import { directHub, type DirectHub } from "./directHub";
import type { RealtimeHub, RealtimeHubOptions, RealtimeListener, RealtimeTopic } from "./realtimeHubTypes";
import { realtimeStatusStore, type RealtimeStatus } from "./realtimeStatusStore";
import { topicKey } from "./topicKey";

type TabId = string;

/** What the tabs of a group tell each other over its BroadcastChannel. */
type Note =
  /** A tab took the connection (the previous leader's is gone). */
  | { t: "leader" }
  /** A follower's topics, all of them: when it starts and when a new leader announces itself. */
  | { t: "hello"; from: TabId; topics: RealtimeTopic[] }
  | { t: "sub"; from: TabId; topic: RealtimeTopic }
  | { t: "unsub"; from: TabId; key: string }
  /** A follower's user changed: which of its topics are live for the leader's user? */
  | { t: "sync"; from: TabId }
  /** A message of a topic, received under `user`'s rules. */
  | { t: "msg"; key: string; user: string; data: unknown }
  /** A topic is live (again) under `user`'s rules; for one tab (`to`) or all. */
  | { t: "live"; key: string; user: string; to?: TabId }
  | { t: "status"; state: RealtimeStatus["state"]; error?: string };

/** One of this tab's own subscriptions; `stop` removes it from the direct hub while leading. */
interface Local {
  readonly topic: RealtimeTopic;
  readonly listener: RealtimeListener;
  stop?: () => void;
}

/**
 * A realtime hub shared by the tabs of a browser (`realtimeTabGroup`): one tab, the leader,
 * holds the connection (a `directHub`) for the union of every tab's topics; the others send it
 * their subscriptions and receive its messages over a `BroadcastChannel`. Each tab's listeners
 * get their messages and `onLive` notices as from a hub of their own, and `status` is the shared
 * connection's, with this tab's `role`.
 *
 * - **Election** by Web Locks: every tab asks for the group's leader lock and the first gets it.
 *   The lock passes to a waiting tab when its holder closes or crashes; that tab subscribes the
 *   union on a connection of its own and announces itself, the followers send it their topics
 *   again, and each topic's `onLive` (once the new connection confirms it) makes every tab
 *   resync, as after any reconnect: nothing changed during the handover is lost.
 * - **Departures**: each tab holds a lock of its own for its lifetime; the leader waits for it,
 *   so a tab that closes or crashes without a word still gives up its topics.
 * - **Users**: the group's tabs share one persisted auth store, so they switch users together,
 *   but not in the same instant. Every message and live notice carries the user whose rules the
 *   leader's connection had; a tab drops those of another user than its own. A tab that switched
 *   asks the leader which of its topics are live for the new user (`sync`), and the leader's own
 *   switch re-subscribes everything on a fresh connection (the direct hub's rule) and tells
 *   every tab when each topic is live again.
 *
 * @param pb - The PocketBase client of this tab.
 * @param options - The direct hub's tuning, for when this tab leads.
 * @param group - The group's name, from `realtimeTabGroup`.
 * @returns The hub.
 *
 * Tested by tests/core/realtime/sharedHub.test.ts (two tabs in Node, real server) and
 * e2e/checks.mjs (ten tabs in Chromium: one connection, handover, sign-out, latency).
 * @internal
 */
export function sharedHub(pb: Client, options: Required<RealtimeHubOptions>, group: string): RealtimeHub {
  const me: TabId = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  const channel = new BroadcastChannel(group);
  const status = realtimeStatusStore();
  /** The signed-in user, kept by the store's `onChange` below: read for every relayed message. */
  let identity = authIdentity(pb.authStore.record);

  /** This tab's subscriptions, and their listeners by key for the messages the leader relays. */
  const subscriptions = new Set<Local>();
  const byKey = new Map<string, { topic: RealtimeTopic; listeners: Map<RealtimeListener, number> }>();
  /** Set once this tab leads: the connection, for every tab. */
  let direct: DirectHub | undefined;
  /** The leader's last status, as a follower sees it. */
  let shared: Pick<RealtimeStatus, "state" | "error"> = { state: "connecting" };
  /** While leading: the other tabs' topics, each subscribed once on the direct hub. */
  const remote = new Map<string, { topic: RealtimeTopic; tabs: Set<TabId>; stop: () => void }>();
  const watched = new Set<TabId>();

  /**
   * Notes wait until this tab holds its own lock: a leader that hears from it then waits for a
   * lock that is taken, not one it could get before this tab has asked for it.
   */
  let waiting: Note[] | undefined = [];
  const post = (note: Note) => (waiting ? waiting.push(note) : channel.postMessage(note));

  function subscribe(topic: RealtimeTopic, listener: RealtimeListener): () => void {
    const key = topicKey(topic);
    const local: Local = { topic, listener };
    subscriptions.add(local);
    let entry = byKey.get(key);
    const first = !entry;
    if (!entry) byKey.set(key, (entry = { topic, listeners: new Map() }));
    entry.listeners.set(listener, (entry.listeners.get(listener) ?? 0) + 1);
    if (direct) local.stop = direct.subscribe(topic, listener);
    else if (first) post({ t: "sub", from: me, topic });
    showStatus();
    let done = false;
    return () => {
      if (done) return;
      done = true;
      subscriptions.delete(local);
      local.stop?.();
      const count = (entry.listeners.get(listener) ?? 1) - 1;
      if (count > 0) entry.listeners.set(listener, count);
      else entry.listeners.delete(listener);
      if (entry.listeners.size === 0) {
        byKey.delete(key);
        if (!direct) post({ t: "unsub", from: me, key });
      }
      showStatus();
    };
  }

  function showStatus() {
    if (direct) status.set({ ...direct.status.get(), role: "leader" });
    else if (byKey.size === 0) status.set({ state: "disconnected", error: undefined, role: "follower" });
    else status.set({ ...shared, role: "follower" });
  }

  // --- Following ---------------------------------------------------------------------------

  function dispatch(key: string, deliver: (listener: RealtimeListener) => void) {
    const entry = byKey.get(key);
    if (!entry) return;
    for (const listener of entry.listeners.keys()) callSafely(() => deliver(listener));
  }

  function hello() {
    if (byKey.size > 0) post({ t: "hello", from: me, topics: [...byKey.values()].map((entry) => entry.topic) });
  }

  // --- Leading -----------------------------------------------------------------------------

  function lead() {
    const hub = (direct = directHub(pb, options));
    hub.status.subscribe((next) => {
      showStatus();
      post(statusNote(next));
    });
    for (const local of subscriptions) local.stop = hub.subscribe(local.topic, local.listener);
    showStatus();
    post({ t: "leader" });
  }

  function addRemote(tab: TabId, topic: RealtimeTopic) {
    const hub = direct!;
    watch(tab);
    const key = topicKey(topic);
    let entry = remote.get(key);
    if (!entry) {
      const relay: RealtimeListener = {
        first: true,
        onMessage: (data) => post({ t: "msg", key, user: identity, data }),
        onLive: () => post({ t: "live", key, user: identity }),
      };
      entry = { topic, tabs: new Set(), stop: () => {} };
      remote.set(key, entry);
      entry.stop = hub.subscribe(topic, relay);
    }
    if (entry.tabs.has(tab)) return;
    entry.tabs.add(tab);
    // Already live here (this tab or another one had it): the newcomer's notice, now.
    if (hub.isLive(topic)) post({ t: "live", key, user: identity, to: tab });
  }

  function removeRemote(tab: TabId, key: string) {
    const entry = remote.get(key);
    if (!entry?.tabs.delete(tab) || entry.tabs.size > 0) return;
    remote.delete(key);
    entry.stop();
  }

  // A tab holds its own lock for its lifetime: the leader gets it once that tab is gone.
  function watch(tab: TabId) {
    if (watched.has(tab)) return;
    watched.add(tab);
    void navigator.locks.request(`${group} tab ${tab}`, () => {
      watched.delete(tab);
      for (const key of [...remote.keys()]) removeRemote(tab, key);
    });
  }

  // --- Wiring ------------------------------------------------------------------------------

  channel.onmessage = ({ data: note }: MessageEvent<Note>) => {
    if (direct) {
      if (note.t === "hello") note.topics.forEach((topic) => addRemote(note.from, topic));
      else if (note.t === "sub") addRemote(note.from, note.topic);
      else if (note.t === "unsub") removeRemote(note.from, note.key);
      else if (note.t === "sync") {
        for (const [key, entry] of remote) {
          if (entry.tabs.has(note.from) && direct.isLive(entry.topic)) post({ t: "live", key, user: identity, to: note.from });
        }
      }
      if (note.t === "hello" || note.t === "sub") post(statusNote(direct.status.get()));
      return;
    }
    if (note.t === "msg") {
      if (note.user === identity) dispatch(note.key, (listener) => listener.onMessage(note.data));
    } else if (note.t === "live") {
      if (note.user === identity && (note.to === undefined || note.to === me)) dispatch(note.key, (listener) => listener.onLive?.());
    } else if (note.t === "status") {
      shared = { state: note.state, error: note.error === undefined ? undefined : new Error(note.error) };
      showStatus();
    } else if (note.t === "leader") {
      shared = { state: "reconnecting", error: undefined };
      showStatus();
      hello();
    }
  };

  pb.authStore.onChange(() => {
    const next = authIdentity(pb.authStore.record);
    if (next === identity) return; // a token refresh
    identity = next;
    if (direct || byKey.size === 0) return; // leading: the direct hub re-subscribes by itself
    shared = { state: "reconnecting", error: undefined };
    showStatus();
    post({ t: "sync", from: me });
  });

  // Both locks are held until the page goes. The browser frees them once the page is gone,
  // which can take a second; letting go on `pagehide` hands over at once (not for a page kept
  // in the back/forward cache, which may come back).
  let leave!: () => void;
  const gone = new Promise<void>((resolve) => (leave = resolve));
  if (typeof addEventListener === "function") addEventListener("pagehide", (event) => !(event as PageTransitionEvent).persisted && leave());
  void navigator.locks.request(`${group} tab ${me}`, () => {
    for (const note of waiting!) channel.postMessage(note);
    waiting = undefined;
    return gone;
  });
  void navigator.locks.request(`${group} leader`, () => {
    lead();
    return gone;
  });
  showStatus();

  return { options, status, subscribe };
}

/** The leader's status for the other tabs: an error travels as its message (a class does not clone). */
function statusNote({ state, error }: RealtimeStatus): Note {
  return { t: "status", state, error: error === undefined ? undefined : error instanceof Error ? error.message : String(error) };
}
