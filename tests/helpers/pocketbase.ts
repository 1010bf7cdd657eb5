// Clients and data helpers for tests against the real PocketBase started by
// tests/setup/pocketbase.global.ts (schema: tests/pb_migrations).

import PocketBase, { BaseAuthStore, type CollectionModel, type RecordModel } from "pocketbase";
import { inject } from "vitest";

export type SeedUser = "alice" | "bob";

/** Seeded by tests/pb_migrations/1700000001_seed_users.js. */
const USER_PASSWORD = "password123";

/** Base URL of the test server, e.g. "http://127.0.0.1:41234". */
export function pbUrl(): string {
  return inject("pbUrl");
}

/**
 * A fresh guest client. The in-memory auth store keeps clients independent: the SDK's default
 * store would share auth through localStorage under jsdom.
 */
export function newClient(): PocketBase {
  return new PocketBase(pbUrl(), new BaseAuthStore());
}

// Module state is per test file (vitest isolates files), so this caches one login per file.
let superuser: Promise<PocketBase> | undefined;

/**
 * A client authenticated as the superuser, shared within a test file. Auto-cancellation is off
 * because this is a setup tool: concurrent seeding on the same path must not cancel itself.
 */
export function superuserClient(): Promise<PocketBase> {
  superuser ??= (async () => {
    const client = newClient();
    client.autoCancellation(false);
    const { email, password } = inject("pbSuperuser");
    await client.collection("_superusers").authWithPassword(email, password);
    return client;
  })().catch((error: unknown) => {
    superuser = undefined; // let the next call retry instead of caching the failure
    throw error;
  });
  return superuser;
}

/** A fresh client authenticated as a seeded user (alice@example.com or bob@example.com). */
export async function userClient(user: SeedUser): Promise<PocketBase> {
  const client = newClient();
  await client.collection("users").authWithPassword(`${user}@example.com`, USER_PASSWORD);
  return client;
}

let scopeCounter = 0;

/** A string unique to this call; tests stamp it on their records' `scope` and filter by it. */
export function uniqueScope(label = "scope"): string {
  return `${label}-${(++scopeCounter).toString(36)}-${randomSuffix()}`;
}

function randomSuffix(): string {
  return Math.random().toString(36).slice(2, 10).padEnd(8, "0");
}

/**
 * Creates, as the superuser, a new collection named `${base}_<random>` with the fields and rules
 * of `base` (relations keep their targets). For tests that need a collection to themselves:
 * realtime events and full (unfiltered) lists. Returns the new collection's name.
 */
export async function freshCollection(base = "posts"): Promise<string> {
  const client = await superuserClient();
  const source: CollectionModel = await client.collections.getOne(base);
  const name = `${base}_${randomSuffix()}`;
  await client.collections.create({
    name,
    type: source.type,
    listRule: source.listRule,
    viewRule: source.viewRule,
    createRule: source.createRule,
    updateRule: source.updateRule,
    deleteRule: source.deleteRule,
    // Field ids belong to the source collection; let the server assign new ones.
    fields: source.fields.map(({ id: _id, ...field }) => field),
  });
  return name;
}

/** Creates the records in order as the superuser and returns them in the same order. */
export async function seed<T = RecordModel>(
  collection: string,
  records: ReadonlyArray<Record<string, unknown>>,
): Promise<T[]> {
  const client = await superuserClient();
  const created: T[] = [];
  // Sequential on purpose: creation order is what tests sorting by `created` expect.
  for (const record of records) created.push(await client.collection(collection).create<T>(record));
  return created;
}

/**
 * Polls `condition` (sync or async) until it returns a truthy value, and returns that value.
 * Throws at the deadline with `message` and the last error the condition threw, if any.
 */
export async function waitFor<T>(
  condition: () => T | Promise<T>,
  { timeout = 5000, interval = 20, message = "condition" }: { timeout?: number; interval?: number; message?: string } = {},
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeout;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await condition();
      if (value) return value as NonNullable<T>;
      lastError = undefined;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const cause = lastError instanceof Error ? `; last error: ${lastError.message}` : "";
      throw new Error(`waitFor: ${message} still not true after ${timeout} ms${cause}`, { cause: lastError });
    }
    await new Promise((r) => setTimeout(r, interval));
  }
}

/**
 * What the auth mail of `kind` last sent to `email` carries, read back from the test server
 * (tests/pb_hooks/mail.pb.js keeps it instead of sending the mail): the code of an OTP mail, the
 * token of a verification or password-reset mail. Waits for the mail: some are sent in the
 * background.
 */
export async function mailed(kind: "otp" | "verification" | "password-reset", email: string): Promise<string> {
  const superuser = await superuserClient();
  return waitFor(async () => (await superuser.send<{ value: string }>(`/api/test/mail/${kind}/${encodeURIComponent(email)}`, {})).value, {
    message: `the ${kind} mail to ${email}`,
  });
}
