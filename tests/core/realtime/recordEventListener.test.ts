import { QueryClient } from "@tanstack/solid-query";
import PocketBase, { BaseAuthStore, ClientResponseError, type RecordModel } from "pocketbase";
import { describe, expect, it } from "vitest";
import { authIdentity } from "../../../src/core/auth/authIdentity";
import { pocketbaseKeys } from "../../../src/core/keys/pocketbaseKeys";
import { recordEventListener } from "../../../src/core/realtime/recordEventListener";
import type { RecordEvent } from "../../../src/core/realtime/realtimeCacheListener";
import { waitFor } from "../../helpers/pocketbase";
import { at, post } from "../../helpers/records";

const user = (id: string) => ({ id, collectionId: "_pb_users_auth_", collectionName: "users" }) as RecordModel;
const alice = user("alice0000000000");

/** A client signed in as `record` (no server: only the auth store is read). */
function signedIn(record: RecordModel) {
  const pb = new PocketBase("http://127.0.0.1:1", new BaseAuthStore());
  pb.authStore.save("token", record);
  return pb;
}

/**
 * Runs a mutation shaped like the library's: its key says collection and kind, its context is
 * the composed onMutate result (`identity`, `ours`). `answer` settles it; nothing leaves it pending.
 */
function mutation(
  queryClient: QueryClient,
  kind: "create" | "update" | "delete",
  variables: unknown,
  ours: { id: string } | undefined,
  answer?: { data: unknown } | { error: unknown },
) {
  const built = queryClient.getMutationCache().build(queryClient, {
    mutationKey: pocketbaseKeys.mutation("posts", kind),
    onMutate: () => ({ identity: authIdentity(alice), ours }),
    mutationFn: () =>
      !answer ? new Promise(() => {}) : "error" in answer ? Promise.reject(answer.error) : Promise.resolve(answer.data),
    retry: false,
  });
  const settled = built.execute(variables).catch(() => undefined);
  // Resolves once onMutate has run (the request is sent after it): settled, or still pending.
  return answer ? settled : waitFor(() => built.state.context !== undefined, { message: "onMutate ran" });
}

/** What `onEvent` is told for each event, with `pb` signed in as given. */
function ownership(queryClient: QueryClient, pb: PocketBase, events: RecordEvent[]): boolean[] {
  const seen: boolean[] = [];
  const listener = recordEventListener(pb, queryClient, "posts", (_event, { own }) => void seen.push(own));
  for (const event of events) listener.onMessage(event);
  return seen;
}

const failure = (status: number) => new ClientResponseError({ status, response: { status, message: "no", data: {} } });

describe("recordEventListener", () => {
  it("calls an event of a record with a pending own mutation of that action own, and nothing else", async () => {
    const queryClient = new QueryClient();
    await mutation(queryClient, "update", { id: "a", data: { title: "x" } }, { id: "a" });
    const events: RecordEvent[] = [
      { action: "update", record: post("a", { updated: at(5) }) },
      { action: "delete", record: post("a") },
      { action: "update", record: post("b") },
      { action: "create", record: post("a") },
    ];
    expect(ownership(queryClient, signedIn(alice), events)).toEqual([true, false, false, false]);
  });

  it("after the answer, calls only the answered version of an update own", async () => {
    const queryClient = new QueryClient();
    await mutation(queryClient, "update", { id: "a", data: {} }, undefined, { data: post("a", { updated: at(2) }) });
    const events: RecordEvent[] = [
      { action: "update", record: post("a", { updated: at(2) }) },
      { action: "update", record: post("a", { updated: at(3) }) },
    ];
    expect(ownership(queryClient, signedIn(alice), events)).toEqual([true, false]);
  });

  it("finds a create by the id it generated, and a delete by the id it was given", async () => {
    const queryClient = new QueryClient();
    await mutation(queryClient, "create", { title: "new" }, { id: "n" }, { data: post("n", { updated: at(1) }) });
    await mutation(queryClient, "delete", "d", { id: "d" }, { data: true });
    const events: RecordEvent[] = [
      { action: "create", record: post("n", { updated: at(1) }) },
      { action: "delete", record: post("d") },
      { action: "delete", record: post("n") },
    ];
    expect(ownership(queryClient, signedIn(alice), events)).toEqual([true, true, false]);
  });

  it("calls the echo of a write that got no answer own, and of a refused one not", async () => {
    const queryClient = new QueryClient();
    await mutation(queryClient, "delete", "lost", { id: "lost" }, { error: failure(0) });
    await mutation(queryClient, "delete", "refused", { id: "refused" }, { error: failure(403) });
    const events: RecordEvent[] = [
      { action: "delete", record: post("lost") },
      { action: "delete", record: post("refused") },
    ];
    expect(ownership(queryClient, signedIn(alice), events)).toEqual([true, false]);
  });

  it("never calls another user's mutation own", async () => {
    const queryClient = new QueryClient();
    await mutation(queryClient, "update", { id: "a", data: {} }, { id: "a" });
    const event: RecordEvent = { action: "update", record: post("a") };
    expect(ownership(queryClient, signedIn(user("bob000000000000")), [event])).toEqual([false]);
    expect(ownership(queryClient, signedIn(alice), [event])).toEqual([true]);
  });
});
