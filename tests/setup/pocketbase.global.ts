// Vitest globalSetup: one real PocketBase for the whole run (DESIGN.md §7).
// Throwaway data dir, free loopback port, the test schema from tests/pb_migrations,
// and a superuser; tests read the URL and credentials with `inject(...)`.

import { type ChildProcess, execFile, spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { TestProject } from "vitest/node";
// @ts-expect-error -- plain ESM script without type declarations (typed right below).
import { findPocketBase as findPocketBaseUntyped } from "../../scripts/get-pocketbase.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    pbUrl: string;
    pbSuperuser: { email: string; password: string };
  }
}

const findPocketBase = findPocketBaseUntyped as () => { bin: string; version: string; source: string };

const SUPERUSER = { email: "superuser@example.com", password: "superuser-password-123" };
const MIGRATIONS_DIR = fileURLToPath(new URL("../pb_migrations", import.meta.url));
const START_DEADLINE_MS = 15_000;
const STDERR_KEEP = 8 * 1024;

export default async function setup(project: TestProject) {
  const started = performance.now();
  const { bin, version } = findPocketBase();
  const dataDir = await mkdtemp(resolve(tmpdir(), "sqpb-test-"));
  const common = ["--dir", dataDir, "--migrationsDir", MIGRATIONS_DIR, "--dev=false"];

  // The superuser is created before `serve`; `serve` applies the JS migrations.
  try {
    await promisify(execFile)(bin, ["superuser", "upsert", SUPERUSER.email, SUPERUSER.password, ...common]);
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error; // execFile's message carries the command's stderr
  }

  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(bin, ["serve", "--http", `127.0.0.1:${port}`, "--automigrate=false", ...common], {
    // stdout is never needed; an unread pipe would fill up and hang the server.
    stdio: ["ignore", "ignore", "pipe"],
  });

  // Drain stderr continuously, keeping only its tail for error messages.
  let stderr = "";
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => {
    stderr = (stderr + chunk).slice(-STDERR_KEEP);
  });
  const exited = new Promise<void>((done) => child.once("exit", () => done()));

  // A crashed or interrupted run must not leave a server behind.
  // Only synchronous work is possible in 'exit': kill, and remove the data dir best-effort.
  const killOnExit = () => {
    child.kill("SIGKILL");
    rmSync(dataDir, { recursive: true, force: true, maxRetries: 3 });
  };
  const killOnSignal = (signal: NodeJS.Signals) => {
    killOnExit();
    // Our `once` listener is gone now; if nobody else (vitest) handles the signal,
    // re-raise it so the default action (terminate) still happens.
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  process.once("exit", killOnExit);
  process.once("SIGINT", killOnSignal);
  process.once("SIGTERM", killOnSignal);

  const teardown = async () => {
    process.off("exit", killOnExit);
    process.off("SIGINT", killOnSignal);
    process.off("SIGTERM", killOnSignal);
    await stop(child, exited);
    await rm(dataDir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(url, child, () => stderr);
  } catch (error) {
    await teardown();
    throw error;
  }

  project.provide("pbUrl", url);
  project.provide("pbSuperuser", SUPERUSER);
  console.log(`PocketBase ${version} at ${url} (started in ${Math.round(performance.now() - started)} ms)`);
  return teardown;
}

/** Asks the OS for a free loopback port (tiny race before `serve` binds it; fine for tests). */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

/** Polls /api/health until 200; fails with the server's stderr if it exits or never answers. */
async function waitForHealth(url: string, child: ChildProcess, stderr: () => string) {
  const deadline = Date.now() + START_DEADLINE_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`PocketBase exited (${child.exitCode ?? child.signalCode}) before answering:\n${stderr()}`);
    }
    try {
      const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`PocketBase did not answer ${url}/api/health within ${START_DEADLINE_MS} ms:\n${stderr()}`);
}

/** SIGTERM, then SIGKILL if it has not exited after a short grace; resolves once it is gone. */
async function stop(child: ChildProcess, exited: Promise<void>) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 3000);
  await exited;
  clearTimeout(timer);
}
