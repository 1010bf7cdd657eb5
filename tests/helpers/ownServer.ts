// A PocketBase of a test file's own, for tests that stop and restart it: stopping the shared
// server would break the other test files running at the same time.
import PocketBase, { BaseAuthStore } from "pocketbase";
import { afterAll, beforeAll } from "vitest";
import { startPocketBase, SUPERUSER, type PocketBaseServer } from "../setup/pocketbaseServer";

/** Starts a server before the file's tests and disposes of it after; call at describe level. */
export function ownServer(): { server: () => PocketBaseServer; superuser: () => Promise<PocketBase> } {
  let own: PocketBaseServer | undefined;
  beforeAll(async () => {
    own = await startPocketBase();
  }, 30_000);
  afterAll(() => own?.dispose());
  const server = () => {
    if (!own) throw new Error("ownServer(): the server starts in beforeAll; use it inside a test");
    return own;
  };
  return {
    server,
    // A superuser client of that server, with auto-cancellation off (a setup tool).
    superuser: async () => {
      const admin = new PocketBase(server().url, new BaseAuthStore());
      admin.autoCancellation(false);
      await admin.collection("_superusers").authWithPassword(SUPERUSER.email, SUPERUSER.password);
      return admin;
    },
  };
}
