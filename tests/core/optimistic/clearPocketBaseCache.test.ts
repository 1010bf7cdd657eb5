import { QueryClient, QueryObserver } from "@tanstack/solid-query";
import { describe, expect, it } from "vitest";
import { clearPocketBaseCache } from "../../../src/core/optimistic/clearPocketBaseCache";
import { pocketbaseKeys } from "../../../src/core/keys/pocketbaseKeys";
import { post, type Post } from "../../helpers/records";

const mutationKey = ["pocketbase", "posts"];

// A mutation run to the end, and one left pending (its promise never settles).
async function settledMutation(client: QueryClient, key: readonly unknown[]) {
  const mutation = client.getMutationCache().build(client, { mutationKey: key, mutationFn: async () => post("a") });
  await mutation.execute(undefined);
  return mutation;
}
function pendingMutation(client: QueryClient, key: readonly unknown[]) {
  const mutation = client.getMutationCache().build(client, { mutationKey: key, mutationFn: () => new Promise(() => {}) });
  void mutation.execute(undefined);
  return mutation;
}

describe("clearPocketBaseCache", () => {
  it("removes this library's settled mutations and keeps its pending ones", async () => {
    const client = new QueryClient();
    const settled = await settledMutation(client, mutationKey);
    const pending = pendingMutation(client, mutationKey);
    expect(pending.state.status).toBe("pending");
    await clearPocketBaseCache(client);
    const left = client.getMutationCache().getAll();
    expect(left).toContain(pending);
    expect(left).not.toContain(settled);
  });

  it("leaves the queries and mutations of the rest of the app alone", async () => {
    const client = new QueryClient();
    const todos = [{ id: 1 }];
    client.setQueryData(["todos"], todos);
    const other = await settledMutation(client, ["todos"]);
    const unkeyed = await settledMutation(client, undefined as never);
    await clearPocketBaseCache(client);
    expect(client.getQueryData(["todos"])).toBe(todos);
    expect(client.getMutationCache().getAll()).toEqual([other, unkeyed]);
  });

  it("removes inactive PocketBase queries", async () => {
    const client = new QueryClient();
    const list = pocketbaseKeys.fullList<Post>("posts");
    const detail = pocketbaseKeys.detail<Post>("comments", "c");
    client.setQueryData(list, [post("a")]);
    client.setQueryData(detail, post("c"));
    await clearPocketBaseCache(client);
    expect(client.getQueryCache().findAll({ queryKey: pocketbaseKeys.all() })).toEqual([]);
  });

  it("resets an active query, which refetches as the new user instead of showing the old data", async () => {
    const client = new QueryClient();
    const key = pocketbaseKeys.fullList<Post>("posts");
    client.setQueryData(key, [post("alice's")]);
    let fetches = 0;
    const observer = new QueryObserver(client, {
      queryKey: key,
      queryFn: async () => (fetches++, [post("bob's")]),
      staleTime: Infinity,
    });
    const seen: unknown[] = [];
    const unsubscribe = observer.subscribe((result) => seen.push(result.data));
    await clearPocketBaseCache(client);
    expect(fetches).toBe(1);
    expect(client.getQueryData(key)).toEqual([post("bob's")]);
    expect(observer.getCurrentResult().data).toEqual([post("bob's")]);
    expect(seen).not.toContainEqual([post("alice's")]); // the old user's data is never shown again
    unsubscribe();
  });

  it("cancels a fetch in flight, made with the old auth", async () => {
    const client = new QueryClient();
    let signal: AbortSignal | undefined;
    const fetching = client.fetchQuery({
      queryKey: pocketbaseKeys.detail("posts", "a"),
      queryFn: (context) => ((signal = context.signal), new Promise<Post>(() => {})),
    });
    await clearPocketBaseCache(client);
    expect(signal?.aborted).toBe(true);
    await expect(fetching).rejects.toThrow();
  });
});
