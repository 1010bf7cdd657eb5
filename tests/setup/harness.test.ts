// Proves the test harness itself: the real server, the schema's rules, msw faults in front
// of it, and a realtime round trip through the SDK and the `eventsource` package.

import { ClientResponseError, type RecordSubscription } from "pocketbase";
import { describe, expect, it } from "vitest";
import { delayNext, failNext, networkErrorNext, recordRequests } from "../helpers/msw";
import {
  freshCollection,
  newClient,
  pbUrl,
  seed,
  superuserClient,
  uniqueScope,
  userClient,
  waitFor,
} from "../helpers/pocketbase";

const POSTS = "/api/collections/posts/records";

/** The rejection of `promise`, as the SDK's error type. */
async function rejection(promise: Promise<unknown>): Promise<ClientResponseError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ClientResponseError);
  return error as ClientResponseError;
}

describe("server and schema", () => {
  it("answers health", async () => {
    const health = await newClient().health.check();
    expect(health.code).toBe(200);
  });

  it("refuses guests listing secrets (403)", async () => {
    const error = await rejection(newClient().collection("secrets").getList());
    expect(error.status).toBe(403);
  });

  it("shows alice only her own notes", async () => {
    const [alice, bob] = await Promise.all([userClient("alice"), userClient("bob")]);
    const scope = uniqueScope("notes");
    await alice.collection("notes").create({ text: `${scope} alice`, owner: alice.authStore.record!.id });
    await bob.collection("notes").create({ text: `${scope} bob`, owner: bob.authStore.record!.id });

    const seen = await alice.collection("notes").getFullList({ filter: alice.filter("text ~ {:scope}", { scope }) });
    expect(seen.map((n) => n.text)).toEqual([`${scope} alice`]);
  });

  it("rejects a post titled forbidden (400)", async () => {
    const error = await rejection(newClient().collection("posts").create({ title: "forbidden" }));
    expect(error.status).toBe(400);
  });

  it("seeds records in order", async () => {
    const scope = uniqueScope("seed");
    const [a, b] = await seed("posts", [
      { title: "a", scope, views: -3 },
      { title: "b", scope, tags: ["red", "blue"] },
    ]);
    expect([a?.title, a?.views, b?.title, b?.tags]).toEqual(["a", -3, "b", ["red", "blue"]]);
  });
});

describe("msw in front of the server", () => {
  it("failNext fails exactly one request, then passes through", async () => {
    const client = newClient();
    const recorder = recordRequests();
    failNext("GET", POSTS, { status: 500, body: { message: "boom" } });

    const error = await rejection(client.collection("posts").getList(1, 1));
    expect([error.status, error.message]).toEqual([500, "boom"]);

    const page = await client.collection("posts").getList(1, 1);
    expect(page.page).toBe(1);
    expect(recorder.count({ method: "GET", path: POSTS })).toBe(2);
    recorder.stop();
  });

  it("networkErrorNext rejects one request at the network level", async () => {
    const client = newClient();
    networkErrorNext("GET", POSTS);
    const error = await rejection(client.collection("posts").getList(1, 1));
    expect(error.status).toBe(0);
    await expect(client.collection("posts").getList(1, 1)).resolves.toMatchObject({ page: 1 });
  });

  it("delayNext delays, then returns the server's real answer", async () => {
    const scope = uniqueScope("delay");
    const [post] = await seed("posts", [{ title: "delayed", scope }]);
    const { started } = delayNext("GET", `${POSTS}/:id`, 200);

    // Ordering instead of a clock: the delayed request is caught first, yet an undelayed one
    // sent while it is held finishes before it (also proving the handler is one-shot).
    // Two clients, so the SDK's auto-cancellation of duplicate requests does not interfere.
    const order: string[] = [];
    const delayed = newClient().collection("posts").getOne(post!.id).then((r) => (order.push("delayed"), r));
    await started;
    const direct = newClient().collection("posts").getOne(post!.id).then((r) => (order.push("direct"), r));
    const [fetched] = await Promise.all([delayed, direct]);

    expect(order).toEqual(["direct", "delayed"]);
    expect(fetched).toMatchObject({ id: post!.id, title: "delayed", scope });
  });
});

describe("realtime", () => {
  it("delivers a superuser create to a guest subscription", async () => {
    const collection = await freshCollection();
    const client = newClient();
    const events: RecordSubscription[] = [];
    const unsubscribe = await client.collection(collection).subscribe("*", (e) => events.push(e));

    const [created] = await seed(collection, [{ title: "live" }]);
    const event = await waitFor(() => events.find((e) => e.record.id === created!.id), { message: "create event" });
    expect(event.action).toBe("create");

    await unsubscribe();
    expect(client.realtime.isConnected).toBe(false);
    expect(pbUrl()).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });
});
