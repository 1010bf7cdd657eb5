// @vitest-environment node
// Two "tabs" of one browser in one Node process: two PocketBase clients with the SDK's
// LocalAuthStore under one key, Node's real BroadcastChannel between them, and Web Locks from
// tests/helpers/webLocks.ts (Node has none). Against the real server. Tabs that close or crash,
// and ten tabs at once, are e2e/checks.mjs's business (real Chromium).
import PocketBase, { LocalAuthStore } from "pocketbase";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { realtimeHub } from "../../../src/core/realtime/realtimeHub";
import { freshCollection, pbUrl, superuserClient, uniqueScope, waitFor } from "../../helpers/pocketbase";
import { sdkTopics } from "../../helpers/realtime";
import { webLocks } from "../../helpers/webLocks";

beforeEach(() => void vi.stubGlobal("navigator", { locks: webLocks() }));
afterEach(() => vi.unstubAllGlobals());

/** Two tabs of a fresh browser: same server, same auth store key. */
function browser() {
  const key = uniqueScope("tabs");
  return [new PocketBase(pbUrl(), new LocalAuthStore(key)), new PocketBase(pbUrl(), new LocalAuthStore(key))] as const;
}

/** Two tabs on a fresh collection, the first one leading. */
async function twoTabs() {
  const collection = await freshCollection();
  const admin = await superuserClient();
  const [one, two] = browser();
  const leading = realtimeHub(one);
  await waitFor(() => leading.status.get().role === "leader", { message: "the first tab leads" });
  return { collection, admin, one, two, leading, following: realtimeHub(two), topic: { topic: `${collection}/*` } };
}

type Event = { action: string; record: { id: string; title: string } };

function listener() {
  const heard = { messages: [] as Event[], live: 0 };
  return { heard, listener: { onMessage: (data: unknown) => void heard.messages.push(data as Event), onLive: () => void heard.live++ } };
}

describe("sharedHub: the tabs of a browser share one realtime connection", () => {
  it("the first tab leads and holds the only connection; the other's listener gets its messages and live notice through it", async () => {
    const { collection, admin, one, two, following, topic } = await twoTabs();
    expect(following.status.get().role).toBe("follower");
    const { heard, listener: mine } = listener();
    const stop = following.subscribe(topic, mine);
    await waitFor(() => heard.live === 1, { message: "the follower's topic is live" });
    expect(following.status.get()).toMatchObject({ state: "connected", role: "follower" });
    expect(one.realtime.isConnected).toBe(true);
    expect(two.realtime.isConnected).toBe(false);
    expect(sdkTopics(one)).toHaveProperty(topic.topic);

    const created = await admin.collection(collection).create({ title: "relayed" });
    await waitFor(() => heard.messages.length === 1, { message: "the relayed create" });
    expect(heard.messages[0]).toMatchObject({ action: "create", record: { id: created.id, title: "relayed" } });

    stop();
    await waitFor(() => !(topic.topic in sdkTopics(one)), { message: "the leader let go of the topic" });
    expect(following.status.get()).toMatchObject({ state: "disconnected", role: "follower" });
  });

  it("a tab signed in as another user drops what the leader still relays under the previous one, and goes live again once the leader follows", async () => {
    const { collection, admin, one, two, following, topic } = await twoTabs();
    const { heard, listener: mine } = listener();
    following.subscribe(topic, mine);
    await waitFor(() => heard.live === 1, { message: "live for the guest" });

    // The follower's store changes first (in a browser: the tab where the user signed in).
    await two.collection("users").authWithPassword("bob@example.com", "password123");
    await admin.collection(collection).create({ title: "sent while the leader is still a guest" });
    // The leader follows; its connection is made again as bob, and every tab hears it is live.
    await one.collection("users").authWithPassword("bob@example.com", "password123");
    await waitFor(() => heard.live >= 2, { message: "live again for bob" });
    const later = await admin.collection(collection).create({ title: "sent to bob" });
    await waitFor(() => heard.messages.some((event) => event.record.id === later.id), { message: "bob's message" });
    // The guest connection's message was relayed before the live notice, so it was dropped already.
    expect(heard.messages.map((event) => event.record.title)).toEqual(["sent to bob"]);
  });

  it("a tab that switches user after the leader did asks which of its topics are live, and hears it", async () => {
    const { collection, admin, one, two, leading, following, topic } = await twoTabs();
    const own = listener();
    leading.subscribe(topic, own.listener);
    const { heard, listener: mine } = listener();
    following.subscribe(topic, mine);
    await waitFor(() => heard.live === 1 && own.heard.live === 1, { message: "live for the guest in both tabs" });

    // The leader switches first: its live notices for bob reach a tab that is still a guest.
    await one.collection("users").authWithPassword("bob@example.com", "password123");
    await waitFor(() => own.heard.live >= 2, { message: "the leader is live again as bob" });
    await two.collection("users").authWithPassword("bob@example.com", "password123");
    await waitFor(() => heard.live >= 2, { message: "the follower hears its topic is live for bob" });
    const later = await admin.collection(collection).create({ title: "sent to bob" });
    await waitFor(() => heard.messages.some((event) => event.record.id === later.id), { message: "bob's message" });
  });

  it("a tab joining a topic the leader already has live hears so at once", async () => {
    const { leading, following, topic } = await twoTabs();
    const own = listener();
    leading.subscribe(topic, own.listener);
    await waitFor(() => own.heard.live === 1, { message: "live in the leader" });
    const joining = listener();
    following.subscribe(topic, joining.listener);
    await waitFor(() => joining.heard.live === 1, { message: "the newcomer's live notice" });
    expect(own.heard.live).toBe(1); // nobody else resyncs for it
  });
});
