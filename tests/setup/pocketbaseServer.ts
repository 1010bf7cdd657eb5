// Starts, restarts and stops a real PocketBase on a loopback port: used by the global setup
// (one server for the run) and by tests that must stop a server of their own (reconnects).

import { type ChildProcess, execFile, spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { resolve } from "node:path";
import { promisify } from "node:util";
// @ts-expect-error -- plain ESM script without type declarations (typed right below).
import { findPocketBase as findPocketBaseUntyped } from "../../scripts/get-pocketbase.mjs";

const findPocketBase = findPocketBaseUntyped as () => { bin: string; version: string; source: string };

export const SUPERUSER = { email: "superuser@example.com", password: "superuser-password-123" };
// import.meta.dirname: under jsdom, import.meta.url is not a file: URL.
const MIGRATIONS_DIR = resolve(import.meta.dirname, "../pb_migrations");
const HOOKS_DIR = resolve(import.meta.dirname, "../pb_hooks");
const START_DEADLINE_MS = 15_000;
const STDERR_KEEP = 8 * 1024;

export interface PocketBaseServer {
  url: string;
  version: string;
  /** Stops the process; the data dir stays, so `start()` brings the same data back. */
  stop(): Promise<void>;
  /** Starts the process again on the same port and data dir; resolves once it answers. */
  start(): Promise<void>;
  /** Stops the process and deletes the data dir. */
  dispose(): Promise<void>;
}

/**
 * Starts PocketBase with a throwaway data dir, the test schema and hooks, `--automigrate=false`,
 * `--dev=false`, on a free 127.0.0.1 port, with the superuser created first. Never leaves a
 * process behind: it is killed on exit and on SIGINT/SIGTERM.
 */
export async function startPocketBase(): Promise<PocketBaseServer> {
  const { bin, version } = findPocketBase();
  const dataDir = await mkdtemp(resolve(tmpdir(), "sqpb-test-"));
  const common = ["--dir", dataDir, "--migrationsDir", MIGRATIONS_DIR, "--hooksDir", HOOKS_DIR, "--dev=false"];
  try {
    // The superuser is created before `serve`; `serve` applies the JS migrations.
    await promisify(execFile)(bin, ["superuser", "upsert", SUPERUSER.email, SUPERUSER.password, ...common]);
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error; // execFile's message carries the command's stderr
  }

  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();

  // Only synchronous work is possible in 'exit': kill, and remove the data dir best-effort.
  const killOnExit = () => {
    child?.kill("SIGKILL");
    rmSync(dataDir, { recursive: true, force: true, maxRetries: 3 });
  };
  const killOnSignal = (signal: NodeJS.Signals) => {
    killOnExit();
    // If nobody else (vitest) handles the signal, re-raise it so the default action happens.
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  process.once("exit", killOnExit);
  process.once("SIGINT", killOnSignal);
  process.once("SIGTERM", killOnSignal);

  const start = async () => {
    const spawned = spawn(bin, ["serve", "--http", `127.0.0.1:${port}`, "--automigrate=false", ...common], {
      // stdout is never needed; an unread pipe would fill up and hang the server.
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    spawned.stderr!.setEncoding("utf8").on("data", (chunk: string) => {
      stderr = (stderr + chunk).slice(-STDERR_KEEP);
    });
    child = spawned;
    exited = new Promise<void>((done) => spawned.once("exit", () => done()));
    await waitForHealth(url, spawned, () => stderr);
  };
  const stop = async () => {
    if (child) await stopProcess(child, exited);
  };
  const dispose = async () => {
    process.off("exit", killOnExit);
    process.off("SIGINT", killOnSignal);
    process.off("SIGTERM", killOnSignal);
    await stop();
    await rm(dataDir, { recursive: true, force: true });
  };

  try {
    await start();
  } catch (error) {
    await dispose();
    throw error;
  }
  return { url, version, start, stop, dispose };
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
async function stopProcess(child: ChildProcess, exited: Promise<void>) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 3000);
  await exited;
  clearTimeout(timer);
}
