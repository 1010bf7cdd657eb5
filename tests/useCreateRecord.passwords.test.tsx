// @vitest-environment jsdom
// Signing up and changing a password go through useCreateRecord and useUpdateRecord: neither
// what they show before the server answers (the query cache, which every component reads) nor
// what TanStack keeps of the mutation (its variables, which a persister writes to storage) may
// hold a password.
import { describe, expect, it } from "vitest";
import { useCreateRecord } from "../src/useCreateRecord";
import { useFullCollection } from "../src/useFullCollection";
import { useUpdateRecord } from "../src/useUpdateRecord";
import { holdNext } from "./helpers/msw";
import { freshCollection, newClient, uniqueScope, waitFor } from "./helpers/pocketbase";
import { renderWithClient } from "./helpers/render";
import type { QueryClient } from "@tanstack/solid-query";

const cachedText = (queryClient: QueryClient) =>
  JSON.stringify([
    queryClient.getQueryCache().getAll().map((query) => query.state.data ?? null),
    queryClient.getMutationCache().getAll().map((mutation) => mutation.state),
  ]);

describe("auth records: no password in the query or mutation cache", () => {
  it("a sign-up shows the new record at once, without its password", async () => {
    const users = await freshCollection("users");
    const email = `${uniqueScope("signup")}@example.com`;
    const { result, queryClient, cleanup } = renderWithClient(
      () => ({ list: useFullCollection(users), create: useCreateRecord(users) }),
      newClient(),
    );
    await waitFor(() => result.list.isSuccess, { message: "the list" });
    const held = holdNext("POST", `/api/collections/${users}/records`);
    result.create.mutate({ email, password: "signup-secret-1", passwordConfirm: "signup-secret-1" });
    await held.started;
    expect(result.list.data?.map((row) => row.email)).toContain(email); // shown before the answer
    expect(cachedText(queryClient)).not.toContain("signup-secret-1");
    held.release("pass");
    await waitFor(() => result.create.isSuccess, { message: "the sign-up" });
    expect(cachedText(queryClient)).not.toContain("signup-secret-1");
    expect(result.create.variables).toEqual({ email }); // the rest is kept, as for any create
    // The server got the password: it signs in.
    await newClient().collection(users).authWithPassword(email, "signup-secret-1");
    cleanup();
  });

  it("a password change shows nothing of the passwords", async () => {
    const users = await freshCollection("users");
    const email = `${uniqueScope("change")}@example.com`;
    const pb = newClient();
    await pb.collection(users).create({ email, password: "first-secret-1", passwordConfirm: "first-secret-1" });
    await pb.collection(users).authWithPassword(email, "first-secret-1");
    const id = pb.authStore.record!.id;
    const { result, queryClient, cleanup } = renderWithClient(() => ({ list: useFullCollection(users), update: useUpdateRecord(users) }), pb);
    await waitFor(() => result.list.data?.length === 1, { message: "the user's own record" });
    const held = holdNext("PATCH", `/api/collections/${users}/records/${id}`);
    result.update.mutate({ id, data: { name: "Renamed", oldPassword: "first-secret-1", password: "second-secret-2", passwordConfirm: "second-secret-2" } });
    await held.started;
    expect(result.list.data?.[0]?.name).toBe("Renamed"); // the rest of the update shows
    const cached = cachedText(queryClient);
    expect(cached).not.toContain("first-secret-1");
    expect(cached).not.toContain("second-secret-2");
    held.release("pass");
    await waitFor(() => result.update.isSuccess, { message: "the change" });
    expect(cachedText(queryClient)).not.toContain("second-secret-2");
    expect(result.update.variables).toEqual({ id, data: { name: "Renamed" } });
    await newClient().collection(users).authWithPassword(email, "second-secret-2");
    cleanup();
  });
});
