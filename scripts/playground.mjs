#!/usr/bin/env node
// `npm run playground`: the clinic playground (playground/) against a local PocketBase.
//
//   1. Finds or fetches the PocketBase binary (scripts/get-pocketbase.mjs).
//   2. Uses the PocketBase that already answers at $PB_URL (default http://127.0.0.1:8090), or
//      starts one there with playground/pb_data and the playground's migrations and seeds.
//   3. Starts Vite on playground/ (port 5173 or the next free one) with VITE_PB_URL set.
//   4. Ctrl-C (SIGINT/SIGTERM/SIGHUP) stops Vite and the PocketBase it started, then exits.
//
// `--check` (or PLAYGROUND_CHECK=1) starts everything on free ports with a throwaway data dir,
// proves the page is served, the app's module graph compiles and the seeds are readable by a
// staff user, then stops everything and exits 0, or 1 with the failing check.

import { execFile, spawn } from "node:child_process";
import { closeSync, existsSync, fstatSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { createServer as createNetServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { findPocketBase } from "./get-pocketbase.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const playgroundDir = join(root, "playground");
const migrationsDir = join(playgroundDir, "pb_migrations");
const hooksDir = join(playgroundDir, "pb_hooks");
const viteConfig = join(playgroundDir, "vite.config.ts");

/** Superuser for the /_/ dashboard, upserted on every start (a local playground: no secrets). */
const ADMIN = { email: "admin@clinic.test", password: "clinic-admin-pass" };
/** Seeded by playground/pb_migrations/1720000001_clinic_seed.js. */
const STAFF = [
  { email: "alice@clinic.test", name: "Dr. Alice Hart" },
  { email: "bob@clinic.test", name: "Nurse Bob Lee" },
];
const STAFF_PASSWORD = "clinic-demo-1";
const SEEDED_PATIENTS = 12;
const SEEDED_WARDS = 3;

const HEALTH_DEADLINE_MS = 20_000;
const STOP_GRACE_MS = 3_000;
const LOG_TAIL_LINES = 30;

const args = process.argv.slice(2);
const unknown = args.filter((a) => a !== "--check");
if (unknown.length > 0) {
  console.error(`Unknown argument(s): ${unknown.join(" ")}\nUsage: node scripts/playground.mjs [--check]`);
  process.exit(2);
}
const checkMode = args.includes("--check") || process.env.PLAYGROUND_CHECK === "1";

/** The PocketBase child we started, if any, with what is needed to stop and explain it. */
let pocketbase = null;
/** The Vite dev server, once started. */
let vite = null;
/** A throwaway data dir (check mode) to remove on the way out. */
let throwawayDir = null;
let stopping = false;

// Safety net: whatever happens (uncaught error, process.exit), never leave our server behind.
// Only synchronous work is possible here.
process.on("exit", () => {
  if (pocketbase && pocketbase.child.exitCode === null && pocketbase.child.signalCode === null) {
    pocketbase.child.kill("SIGKILL");
  }
  if (throwawayDir) rmSync(throwawayDir, { recursive: true, force: true, maxRetries: 3 });
});

// SIGHUP: a closed terminal. PocketBase runs in its own process group, so it would not get it.
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => {
    if (stopping) {
      // Second Ctrl-C while shutting down: stop waiting (the exit handler kills PocketBase).
      process.exit(1);
    }
    console.log(`\n${signal}: stopping...`);
    void shutdown(0);
  });
}

try {
  await main();
} catch (error) {
  console.error(`\n${checkMode ? "Playground check failed" : "Playground failed"}: ${messageOf(error)}`);
  await shutdown(1);
}

async function main() {
  const found = findPocketBase({ log: (m) => console.log(m) });
  console.log(`PocketBase ${found.version} from ${found.source}: ${found.bin}`);

  let pbUrl;
  if (checkMode) {
    throwawayDir = mkdtempSync(join(tmpdir(), "clinic-playground-check-"));
    pbUrl = `http://127.0.0.1:${await freePort()}`;
    await startPocketBase(found.bin, pbUrl, throwawayDir);
  } else {
    pbUrl = (process.env.PB_URL || "http://127.0.0.1:8090").replace(/\/+$/, "");
    if (await isHealthy(pbUrl)) {
      console.log(`A PocketBase already answers at ${pbUrl}: using it, starting none.`);
    } else {
      await startPocketBase(found.bin, pbUrl, join(playgroundDir, "pb_data"));
    }
  }

  // Vite exposes VITE_* variables of its own process to the app as import.meta.env.
  process.env.VITE_PB_URL = pbUrl;
  const { createServer } = await import("vite");
  vite = await createServer({
    configFile: viteConfig,
    root: playgroundDir,
    clearScreen: false,
    logLevel: checkMode ? "warn" : "info",
    // Normal runs take 5173 or the next free port; checks take a free one, so they never
    // collide with a playground that is already running.
    server: { host: "127.0.0.1", port: checkMode ? await freePort() : 5173, strictPort: checkMode },
  });
  await vite.listen();
  const appUrl = vite.resolvedUrls?.local[0] ?? `http://127.0.0.1:${vite.config.server.port}/`;

  if (checkMode) {
    await runChecks(appUrl, pbUrl);
    await shutdown(0);
    return;
  }

  const dataDir = pocketbase ? relative(root, pocketbase.dataDir) : null;
  const staffWidth = Math.max(...STAFF.map((s) => s.email.length));
  console.log(
    [
      "",
      "Clinic playground is running:",
      `  App        ${appUrl}`,
      `  PocketBase ${pbUrl}${pocketbase ? ` (data in ${dataDir}/, log in ${dataDir}/server.log)` : " (already running; not started here)"}`,
      `  Dashboard  ${pbUrl}/_/   ${ADMIN.email} / ${ADMIN.password}${pocketbase ? "" : " (if it is the playground's)"}`,
      ...STAFF.map(
        (s, i) => `  ${i === 0 ? "Staff     " : "          "} ${s.email.padEnd(staffWidth)} / ${STAFF_PASSWORD}  (${s.name})`,
      ),
      "",
      "Press Ctrl-C to stop.",
    ].join("\n"),
  );
}

/**
 * Upserts the superuser, runs `serve` at the URL's host:port with the playground's migrations,
 * and waits for /api/health. Output goes to `<dataDir>/server.log`: a file, not a pipe, so it
 * can never fill up and block the server (TOOLCHAIN.md).
 */
async function startPocketBase(bin, url, dataDir) {
  mkdirSync(dataDir, { recursive: true });
  const common = ["--dir", dataDir, "--migrationsDir", migrationsDir, "--dev=false"];
  try {
    await promisify(execFile)(bin, ["superuser", "upsert", ADMIN.email, ADMIN.password, ...common], {
      timeout: 60_000,
    });
  } catch (error) {
    throw new Error(`\`${bin} superuser upsert\` failed:\n${(error.stderr || error.stdout || error.message).trim()}`);
  }

  const host = new URL(url).host;
  const serveArgs = ["serve", "--http", host, ...common, "--automigrate=false"];
  if (existsSync(hooksDir)) serveArgs.push("--hooksDir", hooksDir);

  const logFile = join(dataDir, "server.log");
  const log = openSync(logFile, "a");
  const logStart = fstatSync(log).size; // error messages show this run's lines only
  writeSync(log, `\n--- ${new Date().toISOString()} ${bin} ${serveArgs.join(" ")}\n`);
  // Its own process group: a terminal's Ctrl-C reaches only this script, which stops Vite and
  // then the server in order (otherwise the server may exit first and look like a crash).
  const child = spawn(bin, serveArgs, { stdio: ["ignore", log, log], detached: true });
  closeSync(log); // the child has its own copy
  const exited = new Promise((done) => child.once("exit", (code, signal) => done(code ?? signal)));
  pocketbase = { child, exited, dataDir, logFile };
  const logTail = () => tail(logFile, logStart);

  await waitForHealth(url, child, logFile, logTail);
  console.log(`Started PocketBase at ${url} (pid ${child.pid}).`);

  // A server that dies later (port taken away, crash) ends the playground with its log tail.
  void exited.then((how) => {
    if (stopping) return;
    console.error(`\nPocketBase exited unexpectedly (${how}). Last lines of ${logFile}:\n${logTail()}`);
    void shutdown(1);
  });
}

/** Polls /api/health until 200; fails with the server's log tail if it exits or never answers. */
async function waitForHealth(url, child, logFile, logTail) {
  const deadline = Date.now() + HEALTH_DEADLINE_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `PocketBase exited (${child.exitCode ?? child.signalCode}) before answering ${url}/api/health ` +
          `(a failing migration or a taken port does that). Last lines of ${logFile}:\n${logTail()}`,
      );
    }
    if (await isHealthy(url)) return;
    await sleep(100);
  }
  throw new Error(
    `PocketBase did not answer ${url}/api/health within ${HEALTH_DEADLINE_MS / 1000} s. ` +
      `Last lines of ${logFile}:\n${logTail()}`,
  );
}

async function isHealthy(url) {
  try {
    const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(1000) });
    await response.body?.cancel();
    return response.ok;
  } catch {
    return false;
  }
}

/** Stops Vite and our PocketBase (SIGTERM, then SIGKILL after a grace), then exits. */
async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  try {
    await vite?.close();
  } catch (error) {
    console.error(`Closing Vite failed: ${messageOf(error)}`);
  }
  if (pocketbase) {
    const { child, exited } = pocketbase;
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), STOP_GRACE_MS);
      await exited;
      clearTimeout(timer);
      console.log(`Stopped PocketBase (pid ${child.pid}).`);
    }
  }
  process.exit(code);
}

// ---------------------------------------------------------------------------------------------
// --check

async function runChecks(appUrl, pbUrl) {
  const app = new URL(appUrl);
  const results = [];
  const check = async (label, fn) => {
    const detail = await fn(); // throws with the reason on failure
    results.push(label);
    console.log(`  ok  ${label}${detail ? ` (${detail})` : ""}`);
  };
  console.log(`Checking the playground (app ${appUrl}, PocketBase ${pbUrl}):`);

  await check("Vite serves the page", async () => {
    const response = await fetch(app);
    const html = await response.text();
    const type = response.headers.get("content-type") ?? "";
    if (response.status !== 200) throw new Error(`GET ${app} answered ${response.status}`);
    if (!type.includes("text/html")) throw new Error(`GET ${app} answered ${type}, not HTML`);
    if (!/<div id="root"><\/div>/.test(html)) throw new Error(`the page has no <div id="root"></div>`);
    return `200 HTML with #root`;
  });

  await check("Vite compiles /src/main.tsx and everything it imports", async () => {
    const main = await fetchModule(new URL("/src/main.tsx", app));
    if (!main.includes(JSON.stringify(pbUrl))) {
      throw new Error(`/src/main.tsx does not carry VITE_PB_URL=${pbUrl}`);
    }
    const graph = await crawlModules(new URL("/src/main.tsx", app));
    const library = graph.filter((u) => u.pathname.startsWith(`/@fs${join(root, "src")}/`)).length;
    return `${graph.length} modules, ${library} from the library's src/; VITE_PB_URL passed through`;
  });

  await check(`staff log in (${STAFF.map((s) => s.email).join(", ")})`, async () => {
    for (const { email, name } of STAFF) {
      const auth = await login(pbUrl, email);
      if (auth.record.name !== name) throw new Error(`${email} is named "${auth.record.name}", not "${name}"`);
    }
  });

  const { token } = await login(pbUrl, STAFF[0].email);
  const api = (path, init = {}) =>
    fetch(`${pbUrl}${path}`, {
      ...init,
      headers: { Authorization: token, "Content-Type": "application/json", ...init.headers },
    });

  let wardId;
  await check("migrations and seeds ran: patients listed as a staff user", async () => {
    const wards = await json(await api("/api/collections/wards/records?sort=code"));
    if (wards.totalItems !== SEEDED_WARDS) throw new Error(`${wards.totalItems} wards, expected ${SEEDED_WARDS}`);
    wardId = wards.items[0].id;
    const patients = await json(await api("/api/collections/patients/records?sort=name&expand=ward,owner&perPage=100"));
    if (patients.totalItems !== SEEDED_PATIENTS) {
      throw new Error(`${patients.totalItems} patients, expected ${SEEDED_PATIENTS}`);
    }
    const unexpanded = patients.items.filter((p) => !p.expand?.ward || !p.expand?.owner);
    if (unexpanded.length > 0) throw new Error(`${unexpanded.length} patients without expand.ward/owner`);
    const perWard = new Map();
    for (const p of patients.items) perWard.set(p.expand.ward.code, (perWard.get(p.expand.ward.code) ?? 0) + 1);
    const spread = [...perWard]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([code, n]) => `${code} ${n}`)
      .join(", ");
    return `${patients.totalItems} patients over ${wards.totalItems} wards: ${spread}`;
  });

  await check("rules: a guest sees no patients", async () => {
    const guest = await json(await fetch(`${pbUrl}/api/collections/patients/records`));
    if (guest.totalItems !== 0) throw new Error(`a guest sees ${guest.totalItems} patients`);
  });

  await check('rules: creating a patient whose name contains "test" is rejected', async () => {
    const body = JSON.stringify({ name: "Test Patient", ward: wardId, status: "admitted" });
    const rejected = await api("/api/collections/patients/records", { method: "POST", body });
    await rejected.body?.cancel();
    if (rejected.status !== 400) throw new Error(`answered ${rejected.status}, expected 400`);
    const allowed = await api("/api/collections/patients/records", {
      method: "POST",
      body: JSON.stringify({ name: "Rosa Mendes", ward: wardId, status: "admitted" }),
    });
    await json(allowed);
    return "400; a regular name is created";
  });

  console.log(`All ${results.length} checks passed.`);
}

/** GETs a module through Vite; 504 "outdated optimized dep" is retried (the optimizer re-ran). */
async function fetchModule(url) {
  for (let attempt = 1; ; attempt++) {
    const response = await fetch(url, { headers: { Accept: "*/*" } });
    const body = await response.text();
    if (response.status === 200) return body;
    if (response.status === 504 && attempt < 5) {
      await sleep(500);
      continue;
    }
    // Vite answers a failed transform with an HTML error page; its JSON holds the compiler's message.
    const message = /"message":("(?:[^"\\]|\\.)*")/.exec(body)?.[1];
    const reason = message ? JSON.parse(message) : body.slice(0, 2000);
    throw new Error(`GET ${url.pathname}${url.search} answered ${response.status}:\n${reason}`);
  }
}

/**
 * Follows the static and dynamic imports of Vite's transformed modules from `entry`, fetching
 * each once: a syntax or type-stripping error anywhere in the app or the library's source is a
 * 500 from Vite with the compiler's message.
 */
async function crawlModules(entry) {
  const seen = new Map([[entry.href, entry]]);
  const queue = [entry];
  const importPattern = /(?:\bimport|\bexport)\s*(?:[\w*{}\s,$]*?\sfrom\s*)?["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/g;
  while (queue.length > 0) {
    const url = queue.shift();
    const code = await fetchModule(url);
    // Pre-bundled dependencies are large and already compiled: no need to parse them.
    if (url.pathname.includes("/node_modules/")) continue;
    for (const match of code.matchAll(importPattern)) {
      const specifier = match[1] ?? match[2];
      if (!specifier || !/^(\/|\.\.?\/)/.test(specifier)) continue;
      const next = new URL(specifier, url);
      if (next.origin !== entry.origin || seen.has(next.href)) continue;
      seen.set(next.href, next);
      queue.push(next);
    }
    if (seen.size > 1000) throw new Error("more than 1000 modules: the crawl is probably looping");
  }
  return [...seen.values()];
}

async function login(pbUrl, email) {
  const response = await fetch(`${pbUrl}/api/collections/staff/auth-with-password`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ identity: email, password: STAFF_PASSWORD }),
  });
  return json(response, `log in as ${email}`);
}

async function json(response, what = `${response.url}`) {
  const text = await response.text();
  if (!response.ok) throw new Error(`${what} answered ${response.status}: ${text.slice(0, 500)}`);
  return JSON.parse(text);
}

// ---------------------------------------------------------------------------------------------

/** Asks the OS for a free loopback port (tiny race before the server binds it; fine here). */
function freePort() {
  return new Promise((done, fail) => {
    const server = createNetServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

/** The last lines of `file` from byte `from` on, indented. */
function tail(file, from = 0) {
  try {
    const lines = readFileSync(file).subarray(from).toString("utf8").trim().split("\n");
    return lines
      .slice(-LOG_TAIL_LINES)
      .map((l) => `    ${l}`)
      .join("\n");
  } catch {
    return "    (no log)";
  }
}

function messageOf(error) {
  return error instanceof Error ? error.message : String(error);
}

function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}
