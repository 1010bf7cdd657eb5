#!/usr/bin/env node
// `npm run test:e2e`: the clinic playground in headless Chromium against a real PocketBase, with
// two users in two isolated browser contexts (window A: Dr. Alice Hart, window B: Nurse Bob Lee).
//
// It starts its own PocketBase (throwaway data dir, free port, the playground's migrations and
// hooks) and Vite, exactly as `npm run playground -- --check` does, runs the checks of
// e2e/checks.mjs in order, prints a line per check, saves screenshots of both windows into
// test-results/e2e/, and stops everything it started, whatever happens. Exit code 0 or 1.
//
//   --update-docs-screenshot   also write window A's board screenshot to docs/playground.png
//   CHROMIUM_PATH=/path        the browser to use (default: the system's chromium)

import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import PocketBase from "pocketbase";
import { findPocketBase } from "../scripts/get-pocketbase.mjs";
import { ADMIN, crawlModules, freePort, STAFF, STAFF_PASSWORD, startClinicSso, startPocketBase, startVite } from "../scripts/playground.mjs";
import { recordRenderedNames } from "./board.mjs";
import { checks } from "./checks.mjs";
import { devtoolsCheck } from "./devtoolsCheck.mjs";
import { fileChecks } from "./fileChecks.mjs";
import { batchChecks } from "./batchChecks.mjs";
import { offlineChecks } from "./offlineChecks.mjs";
import { ssrChecks } from "./ssrChecks.mjs";
import { startSsrExample } from "../examples/ssr/server.mjs";
import { findChromium, launchChromium } from "./chromium.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const resultsDir = join(root, "test-results", "e2e");
const docsScreenshot = join(root, "docs", "playground.png");
const VIEWPORT = { width: 1280, height: 860 };
/** A check that takes longer than this fails, whatever it waits for. */
const CHECK_DEADLINE_MS = 30_000;
/** The whole run, start-up and clean-up included (about 80 s here), must end well within three minutes. */
const RUN_DEADLINE_MS = 150_000;
const DOCS_SCREENSHOT_MAX_BYTES = 300 * 1024;

const args = process.argv.slice(2);
const unknown = args.filter((a) => a !== "--update-docs-screenshot");
if (unknown.length > 0) {
  console.error(`Unknown argument(s): ${unknown.join(" ")}\nUsage: node e2e/run.mjs [--update-docs-screenshot]`);
  process.exit(2);
}
const updateDocsScreenshot = args.includes("--update-docs-screenshot");

const started = Date.now();
const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
let failed = false;
let pocketbase = null;
let vite = null;
let browser = null;
let sso = null;
let ssr = null;
let dataDir = null;
const windows = [];
const notes = [];
/** The clean-up under way, if any: a signal during the run and the run's own end share it. */
let cleaning = null;

// Ctrl-C or a CI timeout: stop what we started (PocketBase runs in its own process group, so the
// terminal's signal does not reach it) before exiting.
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.once(signal, async () => {
    console.error(`\n${signal}: stopping...`);
    await cleanUp();
    process.exit(130);
  });
}

setTimeout(async () => {
  console.error(`\nFAILED: the run took over ${RUN_DEADLINE_MS / 1000} s; stopping.`);
  await cleanUp();
  process.exit(1);
}, RUN_DEADLINE_MS).unref();

try {
  await main();
} catch (error) {
  failed = true;
  console.error(`\nFAILED: ${describe(error)}`);
  await saveFailureScreenshots();
  if (pocketbase) console.error(`\nLast lines of the PocketBase log (${pocketbase.logFile}):\n${pocketbase.logTail()}`);
  for (const w of windows) {
    if (w.errors.length > 0) console.error(`\nWindow ${w.label} console errors:\n  ${w.errors.slice(-15).join("\n  ")}`);
  }
} finally {
  await cleanUp();
}
console.log(`\n${failed ? "E2E FAILED" : "E2E passed"} in ${seconds(Date.now() - started)}.`);
process.exit(failed ? 1 : 0);

async function main() {
  const chromiumPath = findChromium(); // fail before starting anything when there is none
  const found = findPocketBase({ log: (m) => console.log(m) });
  dataDir = mkdtempSync(join(tmpdir(), "clinic-e2e-"));
  const pbUrl = `http://127.0.0.1:${await freePort()}`;
  pocketbase = await startPocketBase(found.bin, pbUrl, dataDir);
  const admin = new PocketBase(pbUrl);
  admin.autoCancellation(false);
  const adminLogin = () => admin.collection("_superusers").authWithPassword(ADMIN.email, ADMIN.password);
  // Restarts keep the URL and data dir: the browsers reconnect to the same server.
  const server = {
    stop: () => pocketbase.stop(),
    start: async () => {
      pocketbase = await startPocketBase(found.bin, pbUrl, dataDir);
      // `superuser upsert` on start sets the password again, which invalidates older tokens.
      await adminLogin();
    },
  };
  sso = await startClinicSso(pbUrl);
  const startedVite = await startVite({ pbUrl, port: await freePort(), strictPort: true, hmr: false, logLevel: "error" });
  vite = startedVite.server;
  const appUrl = startedVite.url;
  // Compile the app and pre-bundle its dependencies before a browser loads it: a dependency
  // found only by the first page load would make Vite reload that page in the middle of a check.
  const modules = await crawlModules(new URL("/src/main.tsx", appUrl));
  ssr = await startSsrExample({ pbUrl, port: await freePort(), logLevel: "error" });
  await crawlModules(new URL("/src/entry-client.tsx", ssr.url));
  browser = await launchChromium(chromiumPath);
  console.log(
    `PocketBase ${found.version} at ${pbUrl}, app at ${appUrl} (${modules.length} modules), ` +
      `Chromium ${browser.version()} (${chromiumPath}): ready in ${seconds(Date.now() - started)}\n`,
  );

  for (const [label, user] of [["A", STAFF[0]], ["B", STAFF[1]]]) {
    // Isolated contexts: separate storage, so two users are logged in at once.
    const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
    await context.addInitScript(recordRenderedNames);
    const page = await context.newPage();
    page.__label = `window ${label}`;
    const w = { label, user, context, page, errors: [], uncaught: [] };
    page.on("console", (m) => m.type() === "error" && w.errors.push(m.text()));
    page.on("pageerror", (e) => w.uncaught.push(e.message));
    windows.push(w);
    // Pages opened later (a second tab, the OAuth2 sign-in window) report their errors too.
    context.on("page", (opened) => opened.on("pageerror", (e) => w.uncaught.push(`${opened.url()}: ${e.message}`)));
  }
  const [a, b] = windows;

  await adminLogin();
  const wardList = await admin.collection("wards").getFullList({ sort: "code" });
  const wards = Object.fromEntries(wardList.map((w) => [w.code, { id: w.id, label: `${w.code} · ${w.name}` }]));

  mkdirSync(resultsDir, { recursive: true });
  const screenshots = {
    /** Saves a screenshot of each window as test-results/e2e/<name>-<window>.png. */
    async take(list, name) {
      const saved = [];
      for (const w of list) {
        const path = join(resultsDir, `${name}-${w.label}-${w.user.email.split("@")[0]}.png`);
        await w.page.screenshot({ path, fullPage: true });
        saved.push(relative(root, path));
        if (updateDocsScreenshot && w === a) {
          const size = statSync(path).size;
          if (size > DOCS_SCREENSHOT_MAX_BYTES) throw new Error(`${path} is ${size} bytes, over the docs budget`);
          mkdirSync(dirname(docsScreenshot), { recursive: true });
          copyFileSync(path, docsScreenshot);
          saved.push(`${relative(root, docsScreenshot)} (${Math.round(size / 1024)} KB)`);
        }
      }
      return saved;
    },
  };

  const ctx = {
    a,
    b,
    appUrl,
    pbUrl,
    admin,
    password: STAFF_PASSWORD,
    users: STAFF,
    wards,
    server,
    sso,
    ssrUrl: ssr.url,
    browser,
    screenshots,
    notes,
  };

  const all = [
    ...checks,
    ...offlineChecks,
    ...fileChecks,
    ...batchChecks,
    devtoolsCheck,
    ...ssrChecks,
    {
      name: "no uncaught error in either window",
      async run() {
        const uncaught = windows.flatMap((w) => w.uncaught.map((m) => `${w.label}: ${m}`));
        if (uncaught.length > 0) throw new Error(uncaught.join("\n"));
        return "";
      },
    },
  ];
  let n = 0;
  for (const check of all) {
    n++;
    const t0 = Date.now();
    let detail;
    try {
      let timer;
      const deadline = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`took over ${CHECK_DEADLINE_MS / 1000} s`)), CHECK_DEADLINE_MS);
      });
      detail = await Promise.race([check.run(ctx), deadline]).finally(() => clearTimeout(timer));
    } catch (error) {
      console.log(`FAIL ${String(n).padStart(2)}. ${check.name} [${seconds(Date.now() - t0)}]`);
      throw error;
    }
    console.log(`ok   ${String(n).padStart(2)}. ${check.name} [${seconds(Date.now() - t0)}]${detail ? `\n        ${detail}` : ""}`);
  }
  for (const note of notes) console.log(`note: ${note}`);
}

async function saveFailureScreenshots() {
  for (const w of windows) {
    try {
      mkdirSync(resultsDir, { recursive: true });
      const path = join(resultsDir, `failure-${w.label}.png`);
      await w.page.screenshot({ path, timeout: 5000 });
      console.error(`Screenshot of window ${w.label}: ${relative(root, path)}`);
    } catch {
      // the page may be gone; the error above says why
    }
  }
}

/** Closes the browser, Vite and PocketBase, removes the data dir, and proves nothing is left. */
function cleanUp() {
  cleaning ??= stopEverything();
  return cleaning;
}

async function stopEverything() {
  const steps = [
    ["Chromium", () => browser?.close()],
    ["Vite", () => vite?.close()],
    ["the server-rendering example", () => ssr?.close()],
    ["Clinic SSO", () => sso?.close()],
    ["PocketBase", () => pocketbase?.stop()],
  ];
  for (const [what, step] of steps) {
    try {
      await step();
    } catch (error) {
      failed = true;
      console.error(`Stopping ${what} failed: ${describe(error)}`);
    }
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true, maxRetries: 3 });
  // Only this process's own descendants: other engineers' servers are none of our business.
  const left = descendants(process.pid);
  if (left.length > 0) {
    failed = true;
    console.error(`Processes left behind (killed now): ${left.map((p) => `${p.pid} ${p.command}`).join(", ")}`);
    for (const { pid } of left) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
  } else {
    console.log(`\nNo process left behind (pgrep: no descendants of pid ${process.pid}).`);
  }
}

function descendants(pid) {
  let children = [];
  try {
    children = execFileSync("pgrep", ["-P", String(pid)], { encoding: "utf8" }).split("\n").filter(Boolean).map(Number);
  } catch {
    return []; // pgrep exits 1 when there is none
  }
  return children.flatMap((child) => {
    let command = "";
    try {
      command = execFileSync("ps", ["-o", "args=", "-p", String(child)], { encoding: "utf8" }).trim();
    } catch {
      return descendants(child); // exited meanwhile
    }
    return [{ pid: child, command }, ...descendants(child)];
  });
}

function describe(error) {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `\n  cause: ${error.cause.message.split("\n")[0]}` : "";
  return `${error.message}${cause}`;
}
