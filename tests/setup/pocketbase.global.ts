// Vitest globalSetup: one real PocketBase for the whole run.
// Throwaway data dir, free loopback port, the test schema from tests/pb_migrations, the hooks
// from tests/pb_hooks, and a superuser; tests read the URL and credentials with `inject(...)`.

import type { TestProject } from "vitest/node";
import { startPocketBase, SUPERUSER } from "./pocketbaseServer";

declare module "vitest" {
  export interface ProvidedContext {
    pbUrl: string;
    pbSuperuser: { email: string; password: string };
  }
}

export default async function setup(project: TestProject) {
  const started = performance.now();
  const server = await startPocketBase();
  project.provide("pbUrl", server.url);
  project.provide("pbSuperuser", SUPERUSER);
  console.log(`PocketBase ${server.version} at ${server.url} (started in ${Math.round(performance.now() - started)} ms)`);
  return server.dispose;
}
