// @vitest-environment jsdom
import { QueryClient } from "@tanstack/solid-query";
import PocketBase, { type RecordModel } from "pocketbase";
import { describe, expect, it } from "vitest";
import { secretVariables } from "../src/core/auth/secretVariables";
import { useAuth } from "../src/useAuth";
import { useAuthWithPassword } from "../src/useAuthWithPassword";
import { useFullCollection } from "../src/useFullCollection";
import { recordRequests } from "./helpers/msw";
import { newClient, pbUrl, superuserClient, uniqueScope, waitFor } from "./helpers/pocketbase";
import { renderWithClient } from "./helpers/render";

const PASSWORD = "password123"; // the seeded users' (tests/pb_migrations)

// Every string reachable from the mutation cache: states, variables, options, own properties
// enumerable or not. A secret must be none of them.
function stringsIn(queryClient: QueryClient): string[] {
  const found: string[] = [];
  const seen = new WeakSet<object>();
  const walk = (value: unknown, depth: number) => {
    if (typeof value === "string") return void found.push(value);
    if (typeof value !== "object" || value === null || seen.has(value) || depth > 8) return;
    seen.add(value);
    for (const key of Object.getOwnPropertyNames(value)) {
      let child: unknown;
      try {
        child = (value as Record<string, unknown>)[key];
      } catch {
        continue;
      }
      walk(child, depth + 1);
    }
  };
  for (const mutation of queryClient.getMutationCache().getAll()) walk({ state: mutation.state, options: mutation.options }, 0);
  return found;
}

const storedStrings = () => Object.keys(localStorage).map((key) => localStorage.getItem(key) ?? "");

describe("useAuthWithPassword", () => {
  it("signs in: useAuth() shows the user, a list mounted before shows that user's records only, and the password is kept nowhere", async () => {
    const superuser = await superuserClient();
    const scope = uniqueScope("notes");
    const [alice, bob] = await Promise.all(["alice", "bob"].map((name) => superuser.collection("users").getFirstListItem(`email = "${name}@example.com"`)));
    await superuser.collection("notes").create({ text: `${scope} alice`, owner: alice!.id });
    await superuser.collection("notes").create({ text: `${scope} bob`, owner: bob!.id });
    // The SDK's default store, in localStorage, as in an app.
    localStorage.clear();
    const pb = new PocketBase(pbUrl());
    const { result, queryClient, cleanup } = renderWithClient(
      () => ({
        auth: useAuth(),
        notes: useFullCollection<RecordModel>("notes", () => ({ filter: `text ~ "${scope}"` })),
        signIn: useAuthWithPassword("users"),
      }),
      pb,
    );
    await waitFor(() => result.notes.isSuccess, { message: "the guest's list" });
    expect(result.notes.data).toEqual([]); // owner-only: a guest sees nothing
    expect(result.auth.record).toBeNull();

    // A stable function, as on solid-query's own result (a dependency array or a prop may hold it).
    expect(result.signIn.mutate).toBe(result.signIn.mutate);
    result.signIn.mutate({ identity: "alice@example.com", password: PASSWORD });
    // While the request is in flight TanStack already keeps the variables: without the password.
    expect(result.signIn.variables).toEqual({ identity: "alice@example.com" });
    expect(stringsIn(queryClient)).not.toContain(PASSWORD);

    await waitFor(() => result.signIn.isSuccess, { message: "the sign-in" });
    expect(result.auth.record?.email).toBe("alice@example.com");
    expect(result.auth.isValid).toBe(true);
    expect(result.signIn.data?.record.id).toBe(alice!.id);
    await waitFor(() => result.notes.data?.length === 1, { message: "alice's notes" });
    expect(result.notes.data!.map((note) => note.text)).toEqual([`${scope} alice`]);
    expect(stringsIn(queryClient)).not.toContain(PASSWORD);
    // Nor beside the variables: once settled, the password is dropped.
    expect(() => secretVariables.reveal(result.signIn.variables!)).toThrow(/no longer kept/);
    expect(storedStrings().some((value) => value.includes(PASSWORD))).toBe(false);
    expect(storedStrings().some((value) => value.includes(alice!.id))).toBe(true); // the session is stored
    cleanup();
    localStorage.clear();
  });

  it("a wrong password: a 400 on `error`, one request (even where mutations retry), the identity kept, the password gone", async () => {
    const pb = newClient();
    const seenByCallbacks: unknown[] = [];
    const retrying = new QueryClient({ defaultOptions: { mutations: { retry: 3, retryDelay: 0 } } });
    const { result, queryClient, cleanup } = renderWithClient(
      () => ({ auth: useAuth(), signIn: useAuthWithPassword("users", () => ({ onError: (_error, variables) => void seenByCallbacks.push(variables) })) }),
      pb,
      retrying,
    );
    const requests = recordRequests();
    result.signIn.mutate({ identity: "alice@example.com", password: "not-her-password" });
    await waitFor(() => result.signIn.isError, { message: "the refusal" });
    requests.stop();
    expect(result.signIn.error?.status).toBe(400);
    expect(requests.count({ method: "POST", path: "/api/collections/users/auth-with-password" })).toBe(1);
    expect(result.signIn.variables).toEqual({ identity: "alice@example.com" });
    expect(seenByCallbacks).toEqual([{ identity: "alice@example.com" }]);
    expect(stringsIn(queryClient)).not.toContain("not-her-password");
    expect(result.auth.record).toBeNull();
    cleanup();
  });

  it("passes the SDK's request options through, and mutateAsync resolves with the SDK's answer", async () => {
    const pb = newClient();
    const { result, cleanup } = renderWithClient(() => useAuthWithPassword("users"), pb);
    const answer = await result.mutateAsync({ identity: "bob@example.com", password: PASSWORD, options: { fields: "token,record.id,record.email" } });
    expect(Object.keys(answer.record).sort()).toEqual(["email", "id"]);
    expect(pb.authStore.record?.email).toBe("bob@example.com");
    expect(result.variables).toEqual({ identity: "bob@example.com", options: { fields: "token,record.id,record.email" } });
    cleanup();
  });
});
