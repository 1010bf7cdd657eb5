import { describe, expect, it } from "vitest";
import { pendingUpdates } from "../../../src/core/mutations/pendingUpdates";

type Row = Record<string, unknown>;

const KEY = "posts/a";
const ALICE = "users/alice";
const BOB = "users/bob";

/** The record as the server last sent it; tests override the fields they need. */
const server = (fields: Row = {}): Row => ({ id: "a", title: "old", status: "draft", views: 1, updated: "t0", ...fields });

// Each test gets its own cache object: the ledgers are kept per cache.
const newCache = () => ({});

describe("pendingUpdates", () => {
  it("an answer shows the server's record with the other update still in flight replayed on top, in either order", () => {
    for (const order of ["first answers first", "second answers first"] as const) {
      const cache = newCache();
      const first = pendingUpdates.begin(cache, ALICE, KEY, server(), { title: "new" }, ["title"]);
      const second = pendingUpdates.begin(cache, ALICE, KEY, server({ title: "new" }), { status: "published" }, ["status"]);
      if (order === "first answers first") {
        expect(pendingUpdates.succeed(cache, KEY, first, server({ title: "new", updated: "t1" }))).toEqual(
          server({ title: "new", status: "published", updated: "t1" }),
        );
        const last = server({ title: "new", status: "published", updated: "t2" });
        expect(pendingUpdates.succeed(cache, KEY, second, last)).toEqual(last);
      } else {
        expect(pendingUpdates.succeed(cache, KEY, second, server({ status: "published", updated: "t1" }))).toEqual(
          server({ title: "new", status: "published", updated: "t1" }),
        );
        const last = server({ title: "new", status: "published", updated: "t2" });
        expect(pendingUpdates.succeed(cache, KEY, first, last)).toEqual(last);
      }
    }
  });

  it("a failure restores the server's latest value for its fields, not the value from before a later success", () => {
    const cache = newCache();
    const first = pendingUpdates.begin(cache, ALICE, KEY, server(), { title: "new" }, ["title"]);
    const second = pendingUpdates.begin(cache, ALICE, KEY, server(), { status: "published" }, ["status"]);
    // Someone else renamed the record meanwhile: the second answer brings their title.
    pendingUpdates.succeed(cache, KEY, second, server({ title: "theirs", status: "published", updated: "t1" }));
    expect(pendingUpdates.fail(cache, KEY, first)).toEqual({ title: "theirs", updated: "t1" });
  });

  it("a failure never undoes another update's optimistic state, on another field or the same one", () => {
    const cache = newCache();
    const title = pendingUpdates.begin(cache, ALICE, KEY, server(), { title: "A" }, ["title"]);
    const status = pendingUpdates.begin(cache, ALICE, KEY, server(), { status: "published" }, ["status"]);
    const sameField = pendingUpdates.begin(cache, ALICE, KEY, server(), { title: "B" }, ["title"]);
    // The first title update fails while the second is in flight: the title shown stays "B".
    expect(pendingUpdates.fail(cache, KEY, title)).toEqual({ title: "B" });
    expect(pendingUpdates.fail(cache, KEY, status)).toEqual({ status: "draft" });
    expect(pendingUpdates.succeed(cache, KEY, sameField, server({ title: "B", updated: "t1" }))).toEqual(
      server({ title: "B", updated: "t1" }),
    );
  });

  it("replays modifiers of the updates still in flight on the server's answer", () => {
    const cache = newCache();
    const plusOne = pendingUpdates.begin(cache, ALICE, KEY, server({ views: 1 }), { "views+": 1 }, ["views"]);
    const plusTwo = pendingUpdates.begin(cache, ALICE, KEY, server({ views: 2 }), { "views+": 2 }, ["views"]);
    // The server counted the first (+1 → 2); the second (+2) is still in flight: 4 is shown.
    expect(pendingUpdates.succeed(cache, KEY, plusOne, server({ views: 2, updated: "t1" }))).toMatchObject({ views: 4 });
    expect(pendingUpdates.fail(cache, KEY, plusTwo)).toEqual({ views: 2, updated: "t1" });
  });

  it("restores `updated` only when no other update of the record is in flight", () => {
    const cache = newCache();
    const first = pendingUpdates.begin(cache, ALICE, KEY, server(), { title: "new" }, ["title"]);
    const second = pendingUpdates.begin(cache, ALICE, KEY, server(), { status: "published" }, ["status"]);
    // The other update's optimistic `updated` stays while it is in flight.
    expect(pendingUpdates.fail(cache, KEY, first)).toEqual({ title: "old" });
    expect(pendingUpdates.fail(cache, KEY, second)).toEqual({ status: "draft", updated: "t0" });
  });

  it("starts afresh once a record has nothing in flight: the next update's record is its base", () => {
    const cache = newCache();
    const first = pendingUpdates.begin(cache, ALICE, KEY, server(), { title: "new" }, ["title"]);
    pendingUpdates.succeed(cache, KEY, first, server({ title: "new", updated: "t1" }));
    const next = pendingUpdates.begin(cache, ALICE, KEY, server({ title: "newer", updated: "t2" }), { views: 9 }, ["views"]);
    expect(pendingUpdates.fail(cache, KEY, next)).toEqual({ views: 1, updated: "t2" });
  });

  describe("keeps one book per signed-in user", () => {
    const aliceSaw = server({ title: "alice's view", views: 1, updated: "t0" });
    const bobSees = server({ title: "bob's view", views: 5, updated: "t5" });

    it("bob's answer does not replay alice's update still in flight on the same record", () => {
      const cache = newCache();
      pendingUpdates.begin(cache, ALICE, KEY, aliceSaw, { title: "alice's draft" }, ["title"]);
      const bobs = pendingUpdates.begin(cache, BOB, KEY, bobSees, { "views+": 1 }, ["views"]);
      const answer = server({ title: "bob's view", views: 6, updated: "t6" });
      expect(pendingUpdates.succeed(cache, KEY, bobs, answer)).toEqual(answer);
    });

    it("bob's failure restores what bob saw, not alice's base", () => {
      const cache = newCache();
      pendingUpdates.begin(cache, ALICE, KEY, aliceSaw, { title: "alice's draft" }, ["title"]);
      const bobs = pendingUpdates.begin(cache, BOB, KEY, bobSees, { "views+": 1 }, ["views"]);
      expect(pendingUpdates.fail(cache, KEY, bobs)).toEqual({ views: 5, updated: "t5" });
    });

    it("alice's late answer or failure changes nothing of bob's ledger", () => {
      for (const late of ["succeed", "fail"] as const) {
        const cache = newCache();
        const alices = pendingUpdates.begin(cache, ALICE, KEY, aliceSaw, { views: 100 }, ["views"]);
        const bobs = pendingUpdates.begin(cache, BOB, KEY, bobSees, { "views+": 1 }, ["views"]);
        const aliceAnswer = server({ title: "alice's draft", views: 100, updated: "t9" });
        if (late === "succeed") expect(pendingUpdates.succeed(cache, KEY, alices, aliceAnswer)).toEqual(aliceAnswer);
        else expect(pendingUpdates.fail(cache, KEY, alices)).toEqual({});
        expect(pendingUpdates.fail(cache, KEY, bobs)).toEqual({ views: 5, updated: "t5" });
      }
    });
  });
});
