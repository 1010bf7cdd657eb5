#!/usr/bin/env node
// `npm run playground`: the clinic playground (playground/) against a local PocketBase.
//
//   1. Finds or fetches the PocketBase binary (scripts/get-pocketbase.mjs).
//   2. Uses the PocketBase that already answers at $PB_URL (default http://127.0.0.1:8090), or
//      starts one there with playground/pb_data, the playground's migrations and seeds, and its
//      app hooks (playground/pb_hooks, when the dir exists).
//   3. Starts "Clinic SSO", a local OpenID Connect server (scripts/oidc-server.mjs; port 8091 or
//      a free one), and points the staff collection's OAuth2 at it, so the login's OAuth2 button
//      works with no internet.
//   4. Starts Vite on playground/ (port 5173 or the next free one) with VITE_PB_URL set.
//   5. Ctrl-C (SIGINT/SIGTERM/SIGHUP) stops Vite, the OIDC server and the PocketBase it started,
//      then exits.
//
// `--check` (or PLAYGROUND_CHECK=1) starts everything on free ports with a throwaway data dir,
// proves the page is served, the app's module graph compiles, the seeds are readable by a staff
// user, the rules hold, the broadcast hook reaches a realtime subscriber and the three sign-in
// methods (password, email code, Clinic SSO) are offered and work, then stops
// everything and exits 0, or 1 with the failing check.
//
// Imported (e2e/run.mjs does), it runs nothing: it exports the pieces to start the same
// PocketBase, OIDC server and Vite, see `startPocketBase`, `startClinicSso` and `startVite`.

import { execFile, spawn } from "node:child_process";
import { closeSync, existsSync, fstatSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { createServer as createNetServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { findPocketBase } from "./get-pocketbase.mjs";
import { startOidcServer } from "./oidc-server.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const playgroundDir = join(root, "playground");
const migrationsDir = join(playgroundDir, "pb_migrations");
const hooksDir = join(playgroundDir, "pb_hooks");
const viteConfig = join(playgroundDir, "vite.config.ts");

/** Superuser for the /_/ dashboard, upserted on every start (a local playground: no secrets). */
export const ADMIN = { email: "admin@clinic.test", password: "clinic-admin-pass" };
/** Seeded by playground/pb_migrations/1720000001_clinic_seed.js. */
export const STAFF = [
  { email: "alice@clinic.test", name: "Dr. Alice Hart" },
  { email: "bob@clinic.test", name: "Nurse Bob Lee" },
];
export const STAFF_PASSWORD = "clinic-demo-1";
/** Where Clinic SSO listens in a normal run (a free port when it is taken). */
const OIDC_PORT = 8091;
const SEEDED_PATIENTS = 12;
const SEEDED_WARDS = 3;
/** The custom realtime topic of playground/pb_hooks/broadcast.pb.js. */
const BROADCAST_TOPIC = "clinic/broadcast";

const HEALTH_DEADLINE_MS = 20_000;
const STOP_GRACE_MS = 3_000;
const LOG_TAIL_LINES = 30;

/** Every PocketBase started by this module and not yet exited: killed if the process exits. */
const running = new Set();
let exitHookInstalled = false;

/**
 * Upserts the superuser, runs `serve` at the URL's host:port with the playground's migrations
 * (and hooks, when playground/pb_hooks exists), and waits for /api/health. Output goes to
 * `<dataDir>/server.log`: a file, not a pipe, so it can never fill up and block the server
 * (PocketBase prints every SQL statement in development mode). Calling it again with the same `dataDir` and URL restarts the same data.
 *
 * @param {string} bin - The PocketBase executable.
 * @param {string} url - Where it serves, e.g. http://127.0.0.1:8090.
 * @param {string} dataDir - Its data dir (created if missing).
 * @param {{ watchHooks?: boolean }} [options] - `watchHooks`: PocketBase restarts itself when a
 *   hook file changes (handy while editing; off for checks and tests, which must not see a
 *   server restart they did not ask for).
 * @returns A handle: `{ url, dataDir, logFile, child, exited, logTail(), stop() }`.
 */
export async function startPocketBase(bin, url, dataDir, { watchHooks = false } = {}) {
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
  if (existsSync(hooksDir)) serveArgs.push("--hooksDir", hooksDir, `--hooksWatch=${watchHooks}`);

  const logFile = join(dataDir, "server.log");
  const log = openSync(logFile, "a");
  const logStart = fstatSync(log).size; // error messages show this run's lines only
  writeSync(log, `\n--- ${new Date().toISOString()} ${bin} ${serveArgs.join(" ")}\n`);
  // Its own process group: a terminal's Ctrl-C reaches only this script, which stops Vite and
  // then the server in order (otherwise the server may exit first and look like a crash).
  const child = spawn(bin, serveArgs, { stdio: ["ignore", log, log], detached: true });
  closeSync(log); // the child has its own copy
  installExitHook();
  running.add(child);
  const exited = new Promise((done) =>
    child.once("exit", (code, signal) => {
      running.delete(child);
      done(code ?? signal);
    }),
  );
  const logTail = () => tail(logFile, logStart);

  await waitForHealth(url, child, logFile, logTail);
  return {
    url,
    dataDir,
    logFile,
    child,
    exited,
    logTail,
    /** SIGTERM, then SIGKILL after a grace period; resolves once the process is gone. */
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), STOP_GRACE_MS);
      await exited;
      clearTimeout(timer);
    },
  };
}

// Safety net: whatever happens (uncaught error, process.exit), never leave a server behind.
// Only synchronous work is possible here.
function installExitHook() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on("exit", () => {
    for (const child of running) child.kill("SIGKILL");
  });
}

/**
 * Starts "Clinic SSO", the local OpenID Connect server whose sign-in page offers the seeded staff,
 * and configures the staff collection's OAuth2 with it as PocketBase's generic "oidc" provider
 * (as the superuser: the provider's URLs hold the port, known only now). PocketBase links the
 * account to the staff record with the same email.
 *
 * @param {string} pbUrl - The playground's PocketBase.
 * @param {{ port?: number }} [options] - `port`: tried first; a free one when it is taken (0: any).
 * @returns The OIDC server: `{ url, provider, codes(), close() }`.
 */
export async function startClinicSso(pbUrl, { port = 0 } = {}) {
  const start = (at) => startOidcServer({ identities: STAFF, port: at, displayName: "Clinic SSO" });
  const oidc = await start(port).catch((error) => {
    if (port !== 0 && error.code === "EADDRINUSE") return start(0);
    throw error;
  });
  try {
    const { token } = await json(
      await fetch(`${pbUrl}/api/collections/_superusers/auth-with-password`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ identity: ADMIN.email, password: ADMIN.password }),
      }),
      "superuser login (to configure OAuth2)",
    );
    await json(
      await fetch(`${pbUrl}/api/collections/staff`, {
        method: "PATCH",
        headers: { Authorization: token, "Content-Type": "application/json" },
        body: JSON.stringify({ oauth2: { enabled: true, mappedFields: { name: "name" }, providers: [oidc.provider] } }),
      }),
      "configuring the staff collection's OAuth2",
    );
  } catch (error) {
    await oidc.close();
    throw error;
  }
  return oidc;
}

/**
 * Starts Vite on playground/ with `VITE_PB_URL` set, so the app talks to `pbUrl`.
 * `hmr: false` (the browser tests): an edit saved during a run must not reload the pages.
 *
 * @param {{ pbUrl: string, port: number, strictPort?: boolean, hmr?: boolean, logLevel?: "info" | "warn" | "error" | "silent" }} options
 * @returns `{ server, url }`: the Vite dev server (close it with `server.close()`) and the app's URL.
 */
export async function startVite({ pbUrl, port, strictPort = false, hmr = true, logLevel = "info" }) {
  // Vite exposes VITE_* variables of its own process to the app as import.meta.env.
  process.env.VITE_PB_URL = pbUrl;
  const { createServer } = await import("vite");
  const server = await createServer({
    configFile: viteConfig,
    root: playgroundDir,
    clearScreen: false,
    logLevel,
    server: { host: "127.0.0.1", port, strictPort, ...(hmr ? {} : { hmr: false, watch: null }) },
  });
  await server.listen();
  const url = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${server.config.server.port}/`;
  return { server, url };
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
    await sleep(50);
  }
  throw new Error(
    `PocketBase did not answer ${url}/api/health within ${HEALTH_DEADLINE_MS / 1000} s. ` +
      `Last lines of ${logFile}:\n${logTail()}`,
  );
}

/** Whether a PocketBase answers `GET <url>/api/health` with 200 within a second. */
export async function isHealthy(url) {
  try {
    const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(1000) });
    await response.body?.cancel();
    return response.ok;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// The command

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await runCommand(process.argv.slice(2));
}

async function runCommand(args) {
  const unknown = args.filter((a) => a !== "--check");
  if (unknown.length > 0) {
    console.error(`Unknown argument(s): ${unknown.join(" ")}\nUsage: node scripts/playground.mjs [--check]`);
    process.exit(2);
  }
  const checkMode = args.includes("--check") || process.env.PLAYGROUND_CHECK === "1";

  /** The PocketBase we started, if any. */
  let pocketbase = null;
  /** The Vite dev server, once started. */
  let vite = null;
  /** Clinic SSO (the local OIDC server), once started. */
  let sso = null;
  /** A throwaway data dir (check mode) to remove on the way out. */
  let throwawayDir = null;
  let stopping = false;

  process.on("exit", () => {
    if (throwawayDir) rmSync(throwawayDir, { recursive: true, force: true, maxRetries: 3 });
  });

  /** Stops Vite and our PocketBase (SIGTERM, then SIGKILL after a grace), then exits. */
  const shutdown = async (code) => {
    if (stopping) return;
    stopping = true;
    try {
      await vite?.close();
    } catch (error) {
      console.error(`Closing Vite failed: ${messageOf(error)}`);
    }
    await sso?.close();
    if (pocketbase && pocketbase.child.exitCode === null && pocketbase.child.signalCode === null) {
      await pocketbase.stop();
      console.log(`Stopped PocketBase (pid ${pocketbase.child.pid}).`);
    }
    process.exit(code);
  };

  // SIGHUP: a closed terminal. PocketBase runs in its own process group, so it would not get it.
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
    process.on(signal, () => {
      if (stopping) {
        // Second Ctrl-C while shutting down: stop waiting (the exit hook kills PocketBase).
        process.exit(1);
      }
      console.log(`\n${signal}: stopping...`);
      void shutdown(0);
    });
  }

  const start = async (bin, url, dataDir) => {
    pocketbase = await startPocketBase(bin, url, dataDir, { watchHooks: !checkMode });
    console.log(`Started PocketBase at ${url} (pid ${pocketbase.child.pid}).`);
    // A server that dies later (port taken away, crash) ends the playground with its log tail.
    const { exited, logFile, logTail } = pocketbase;
    void exited.then((how) => {
      if (stopping) return;
      console.error(`\nPocketBase exited unexpectedly (${how}). Last lines of ${logFile}:\n${logTail()}`);
      void shutdown(1);
    });
  };

  try {
    const found = findPocketBase({ log: (m) => console.log(m) });
    console.log(`PocketBase ${found.version} from ${found.source}: ${found.bin}`);

    let pbUrl;
    if (checkMode) {
      throwawayDir = mkdtempSync(join(tmpdir(), "clinic-playground-check-"));
      pbUrl = `http://127.0.0.1:${await freePort()}`;
      await start(found.bin, pbUrl, throwawayDir);
    } else {
      pbUrl = (process.env.PB_URL || "http://127.0.0.1:8090").replace(/\/+$/, "");
      if (await isHealthy(pbUrl)) {
        console.log(`A PocketBase already answers at ${pbUrl}: using it, starting none.`);
      } else {
        await start(found.bin, pbUrl, join(playgroundDir, "pb_data"));
      }
    }

    try {
      sso = await startClinicSso(pbUrl, { port: checkMode ? 0 : OIDC_PORT });
    } catch (error) {
      // A PocketBase that is not the playground's: everything but the OAuth2 button works.
      if (checkMode || pocketbase) throw error;
      console.warn(`Clinic SSO (OAuth2) is off: ${messageOf(error)}`);
    }

    // Normal runs take 5173 or the next free port; checks take a free one, so they never
    // collide with a playground that is already running.
    const started = await startVite({
      pbUrl,
      port: checkMode ? await freePort() : 5173,
      strictPort: checkMode,
      logLevel: checkMode ? "warn" : "info",
    });
    vite = started.server;
    const appUrl = started.url;

    if (checkMode) {
      await runChecks(appUrl, pbUrl, sso);
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
        ...(sso ? [`  SSO        ${sso.url} (Clinic SSO: the login's OAuth2 button signs staff in through it)`] : []),
        "",
        "Press Ctrl-C to stop.",
      ].join("\n"),
    );
  } catch (error) {
    console.error(`\n${checkMode ? "Playground check failed" : "Playground failed"}: ${messageOf(error)}`);
    await shutdown(1);
  }
}

// ---------------------------------------------------------------------------------------------
// --check

async function runChecks(appUrl, pbUrl, sso) {
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

  await check("rules: a bed outside 1-40 is a field error (response.data.bed)", async () => {
    const body = JSON.stringify({ name: "Ines Duarte", ward: wardId, bed: 41 });
    const rejected = await api("/api/collections/patients/records", { method: "POST", body });
    const answer = await rejected.json();
    if (rejected.status !== 400 || !answer.data?.bed?.message) {
      throw new Error(`answered ${rejected.status} ${JSON.stringify(answer)}, expected 400 with data.bed`);
    }
    return `400 "${answer.data.bed.message}"`;
  });

  await check("rules: a staff member's drafts are private", async () => {
    const alice = await login(pbUrl, STAFF[0].email);
    const bob = await login(pbUrl, STAFF[1].email);
    const as = (auth) => (path, init = {}) =>
      fetch(`${pbUrl}${path}`, { ...init, headers: { Authorization: auth.token, "Content-Type": "application/json" } });
    const draft = await json(
      await as(alice)("/api/collections/drafts/records", {
        method: "POST",
        body: JSON.stringify({ text: "Call the pharmacy about bed 4", author: alice.record.id }),
      }),
    );
    const seenByBob = await json(await as(bob)("/api/collections/drafts/records"));
    if (seenByBob.totalItems !== 0) throw new Error(`bob sees ${seenByBob.totalItems} of alice's drafts`);
    const viewed = await as(bob)(`/api/collections/drafts/records/${draft.id}`);
    await viewed.body?.cancel();
    if (viewed.status !== 404) throw new Error(`bob viewing alice's draft answered ${viewed.status}, expected 404`);
    const forged = await as(bob)("/api/collections/drafts/records", {
      method: "POST",
      body: JSON.stringify({ text: "forged", author: alice.record.id }),
    });
    await forged.body?.cancel();
    if (forged.status !== 400) throw new Error(`bob creating a draft as alice answered ${forged.status}, expected 400`);
    return "bob lists none, views 404, cannot write one as alice";
  });

  await check(`hook: POST /api/clinic/broadcast reaches a "${BROADCAST_TOPIC}" subscriber; guests get 401`, async () => {
    const guest = await fetch(`${pbUrl}/api/clinic/broadcast`, { method: "POST", body: JSON.stringify({ text: "hi" }) });
    await guest.body?.cancel();
    if (guest.status !== 401) throw new Error(`a guest's broadcast answered ${guest.status}, expected 401`);
    const bob = await login(pbUrl, STAFF[1].email);
    const subscriber = await subscribeTopic(pbUrl, BROADCAST_TOPIC, bob.token);
    try {
      const text = `check ${Date.now()}`;
      const sent = await json(await api("/api/clinic/broadcast", { method: "POST", body: JSON.stringify({ text }) }));
      if (sent.sent < 1) throw new Error(`the hook reached ${sent.sent} clients, expected at least 1`);
      const message = await subscriber.next(5000);
      if (message.text !== text || message.from !== STAFF[0].name) {
        throw new Error(`the subscriber got ${JSON.stringify(message)}`);
      }
      return `sent to ${sent.sent}; the subscriber got "${message.text}" from ${message.from}`;
    } finally {
      subscriber.close();
    }
  });

  await check("sign-in methods: password, email code (read from the playground mailbox) and Clinic SSO", async () => {
    const methods = await json(await fetch(`${pbUrl}/api/collections/staff/auth-methods`));
    if (!methods.password?.enabled || !methods.otp?.enabled) throw new Error(`password or OTP is off: ${JSON.stringify(methods)}`);
    const provider = methods.oauth2?.providers?.find((p) => p.name === "oidc");
    if (!methods.oauth2?.enabled || !provider) throw new Error(`no "oidc" OAuth2 provider: ${JSON.stringify(methods.oauth2)}`);
    const page = await fetch(`${provider.authURL}${encodeURIComponent(`${pbUrl}/api/oauth2-redirect`)}`);
    const html = await page.text();
    if (page.status !== 200 || !html.includes(STAFF[0].name)) throw new Error(`Clinic SSO's sign-in page answered ${page.status}`);

    const email = STAFF[1].email;
    const { otpId } = await json(
      await fetch(`${pbUrl}/api/collections/staff/request-otp`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ email }),
      }),
    );
    const { code } = await json(await fetch(`${pbUrl}/api/clinic/mailbox/${encodeURIComponent(email)}`));
    const signedIn = await json(
      await fetch(`${pbUrl}/api/collections/staff/auth-with-otp`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ otpId, password: code }),
      }),
    );
    if (signedIn.record.email !== email) throw new Error(`the code signed in ${signedIn.record.email}`);
    return `Clinic SSO at ${sso.url}; ${email} signed in with a ${code.length}-digit code`;
  });

  console.log(`All ${results.length} checks passed.`);
}

/**
 * Opens PocketBase's realtime stream (SSE over fetch), subscribes it to `topic` and returns
 * `next(timeoutMs)`, which resolves with the next message's parsed data, and `close()`.
 */
async function subscribeTopic(pbUrl, topic, token) {
  const controller = new AbortController();
  const response = await fetch(`${pbUrl}/api/realtime`, { signal: controller.signal });
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  const nextEvent = async () => {
    for (;;) {
      const end = buffer.indexOf("\n\n");
      if (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const field = (name) => block.split("\n").find((l) => l.startsWith(`${name}:`))?.slice(name.length + 1).trim();
        return { event: field("event"), id: field("id"), data: field("data") };
      }
      const { value, done } = await reader.read();
      if (done) throw new Error("the realtime stream ended");
      buffer += value;
    }
  };
  const withTimeout = (promise, ms, what) =>
    Promise.race([promise, sleep(ms).then(() => Promise.reject(new Error(`no ${what} within ${ms} ms`)))]);
  try {
    // The client id comes in the SSE `id:` line of PB_CONNECT, not in its JSON.
    const connect = await withTimeout(nextEvent(), 5000, "PB_CONNECT");
    const subscribed = await fetch(`${pbUrl}/api/realtime`, {
      method: "POST",
      headers: { Authorization: token, "Content-Type": "application/json" },
      body: JSON.stringify({ clientId: connect.id, subscriptions: [topic] }),
    });
    await subscribed.body?.cancel();
    if (subscribed.status !== 204) throw new Error(`subscribing to ${topic} answered ${subscribed.status}`);
  } catch (error) {
    controller.abort();
    throw error;
  }
  return {
    async next(timeoutMs) {
      for (;;) {
        const event = await withTimeout(nextEvent(), timeoutMs, `"${topic}" message`);
        if (event.event === topic) return JSON.parse(event.data);
      }
    },
    close: () => controller.abort(),
  };
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
export async function crawlModules(entry) {
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
export function freePort() {
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
