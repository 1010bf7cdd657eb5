#!/usr/bin/env node
// Finds or fetches a PocketBase server binary, in this order:
//   1. $POCKETBASE_BIN
//   2. `pocketbase` on PATH
//   3. the project cache `.pocketbase/` (gitignored)
//   4. Debian's `pocketbase` package (unstable suite; its binary is `usr/bin/base`), fetched with
//      `apt-get download` through a private apt configuration whose mirror URI is read from the
//      system's own apt sources. The system's apt setup is never touched.
//   5. the official release archive for this platform, where the machine has general internet.
// Run as a script it prints what it found; imported, `findPocketBase()` returns it.

import { execFileSync, spawnSync } from "node:child_process";
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { arch, platform, tmpdir } from "node:os";
import { delimiter, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const cacheDir = join(root, ".pocketbase");
const cachedBin = join(cacheDir, platform() === "win32" ? "pocketbase.exe" : "pocketbase");
const cachedVersion = join(cacheDir, "VERSION");

/** Release used by the last-resort download from the official archive. */
const RELEASE_VERSION = "0.40.4";

/**
 * @typedef {{ bin: string, version: string, source: string }} PocketBaseBinary
 */

/**
 * Returns a runnable PocketBase binary, fetching it into `.pocketbase/` when none is found.
 * @returns {PocketBaseBinary}
 */
export function findPocketBase({ log = () => {} } = {}) {
  const tried = [];

  const fromEnv = process.env.POCKETBASE_BIN;
  if (fromEnv) {
    if (!isRunnable(fromEnv)) {
      throw new Error(`POCKETBASE_BIN is set to "${fromEnv}", but that file does not run as PocketBase.`);
    }
    return { bin: fromEnv, version: versionOf(fromEnv), source: "POCKETBASE_BIN" };
  }
  tried.push("POCKETBASE_BIN is not set");

  const onPath = which("pocketbase");
  if (onPath && isRunnable(onPath)) {
    return { bin: onPath, version: versionOf(onPath), source: "PATH" };
  }
  tried.push("no `pocketbase` on PATH");

  if (existsSync(cachedBin) && isRunnable(cachedBin)) {
    return { bin: cachedBin, version: readCachedVersion(), source: ".pocketbase/ cache" };
  }
  tried.push("nothing in .pocketbase/");

  try {
    log("Fetching PocketBase from Debian's archive (package `pocketbase`, suite unstable)...");
    const version = fetchFromDebian();
    return { bin: cachedBin, version, source: "Debian package" };
  } catch (error) {
    tried.push(`Debian's archive: ${firstLine(error)}`);
  }

  try {
    log(`Fetching PocketBase ${RELEASE_VERSION} from the official release archive...`);
    const version = fetchRelease();
    return { bin: cachedBin, version, source: "official release" };
  } catch (error) {
    tried.push(`official release archive: ${firstLine(error)}`);
  }

  throw new Error(
    [
      "No PocketBase server binary could be found or fetched.",
      "Tried:",
      ...tried.map((t) => `  - ${t}`),
      "Provide one in any of these ways:",
      "  - set POCKETBASE_BIN=/path/to/pocketbase",
      "  - put a `pocketbase` executable on PATH",
      `  - copy the binary to ${cachedBin}`,
      "  - on Debian or Ubuntu, as root: apt-get install pocketbase (unstable suite; the binary is /usr/bin/base)",
    ].join("\n"),
  );
}

function firstLine(error) {
  return String(error instanceof Error ? error.message : error).split("\n")[0];
}

function which(name) {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    const candidate = join(dir, name);
    if (dir && existsSync(candidate)) return candidate;
  }
  return undefined;
}

function isRunnable(bin) {
  const run = spawnSync(bin, ["--help"], { encoding: "utf8", timeout: 20_000 });
  return run.status === 0 && /serve/.test(run.stdout + run.stderr);
}

function versionOf(bin) {
  const run = spawnSync(bin, ["--version"], { encoding: "utf8", timeout: 20_000 });
  return (run.stdout || run.stderr).trim() || "unknown";
}

function readCachedVersion() {
  return existsSync(cachedVersion) ? readFileSync(cachedVersion, "utf8").trim() : "unknown";
}

/**
 * Reads the Debian mirror URIs this system's apt already uses: deb822 `.sources` files and
 * one-line `sources.list` entries. Security and update suites live elsewhere and are skipped.
 */
export function systemDebianMirrors() {
  const files = [];
  if (existsSync("/etc/apt/sources.list")) files.push("/etc/apt/sources.list");
  if (existsSync("/etc/apt/sources.list.d")) {
    for (const name of readdirSync("/etc/apt/sources.list.d")) {
      if (name.endsWith(".sources") || name.endsWith(".list")) files.push(join("/etc/apt/sources.list.d", name));
    }
  }
  const uris = [];
  for (const file of files) {
    for (const line of readFileSync(file, "utf8").split("\n")) {
      const text = line.trim();
      if (text.startsWith("#")) continue;
      const deb822 = /^URIs:\s*(.+)$/i.exec(text);
      const oneLine = /^deb\s+(?:\[[^\]]*\]\s+)?(\S+)/.exec(text);
      for (const uri of (deb822?.[1] ?? oneLine?.[1] ?? "").split(/\s+/)) {
        if (/\/debian\/?$/.test(uri) && !uris.includes(uri)) uris.push(uri.replace(/\/$/, ""));
      }
    }
  }
  return uris;
}

function debianArch() {
  const map = { x64: "amd64", arm64: "arm64", arm: "armhf", ia32: "i386", riscv64: "riscv64", ppc64: "ppc64el", s390x: "s390x" };
  const value = map[arch()];
  if (!value) throw new Error(`no Debian architecture for ${arch()}`);
  return value;
}

function fetchFromDebian() {
  if (platform() !== "linux") throw new Error("only on Linux");
  if (!which("apt-get") || !which("dpkg-deb")) throw new Error("apt-get or dpkg-deb is not installed");
  const mirrors = systemDebianMirrors();
  if (mirrors.length === 0) throw new Error("no Debian mirror in /etc/apt/sources.list{,.d}");

  // A private apt tree: its own sources list, lists, cache and status. The system's apt
  // configuration (proxies, Check-Valid-Until, ...) still applies; its sources do not.
  const aptDir = join(cacheDir, "apt");
  const keyring = ["/usr/share/keyrings/debian-archive-keyring.gpg"].find(existsSync);
  const signed = keyring ? `signed-by=${keyring}` : "trusted=yes";
  mkdirSync(join(aptDir, "lists", "partial"), { recursive: true });
  mkdirSync(join(aptDir, "cache", "archives", "partial"), { recursive: true });
  mkdirSync(join(aptDir, "sources.list.d"), { recursive: true });
  writeFileSync(join(aptDir, "status"), "");
  writeFileSync(
    join(aptDir, "sources.list"),
    mirrors.map((m) => `deb [arch=${debianArch()} ${signed}] ${m} unstable main`).join("\n") + "\n",
  );
  const options = [
    `Dir::Etc::SourceList=${join(aptDir, "sources.list")}`,
    `Dir::Etc::SourceParts=${join(aptDir, "sources.list.d")}`,
    `Dir::State::Lists=${join(aptDir, "lists")}`,
    `Dir::State::status=${join(aptDir, "status")}`,
    `Dir::Cache=${join(aptDir, "cache")}`,
    "Dir::Cache::pkgcache=",
    "Dir::Cache::srcpkgcache=",
    `APT::Architecture=${debianArch()}`,
    "APT::Sandbox::User=root",
  ].flatMap((o) => ["-o", o]);

  const apt = (args, cwd) => {
    const run = spawnSync("apt-get", [...options, ...args], { cwd, encoding: "utf8", timeout: 300_000 });
    if (run.status !== 0) throw new Error(`apt-get ${args[0]} failed: ${(run.stderr || run.stdout).trim()}`);
    return run.stdout;
  };
  apt(["-qq", "update"]);
  const work = mkdtempSync(join(tmpdir(), "pocketbase-deb-"));
  try {
    apt(["-qq", "download", "pocketbase"], work);
    const deb = readdirSync(work).find((f) => f.endsWith(".deb"));
    if (!deb) throw new Error("apt-get download produced no .deb");
    const version = execFileSync("dpkg-deb", ["-f", join(work, deb), "Version"], { encoding: "utf8" }).trim();
    const tree = join(work, "tree");
    execFileSync("dpkg-deb", ["-x", join(work, deb), tree]);
    const inside = ["usr/bin/base", "usr/bin/pocketbase"].map((p) => join(tree, p)).find(existsSync);
    if (!inside) throw new Error("the package holds neither usr/bin/base nor usr/bin/pocketbase");
    install(inside, `${version} (Debian package)`);
    return readCachedVersion();
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function fetchRelease() {
  const os = { linux: "linux", darwin: "darwin", win32: "windows" }[platform()];
  const cpu = { x64: "amd64", arm64: "arm64", arm: "armv7", ppc64: "ppc64le", s390x: "s390x" }[arch()];
  if (!os || !cpu) throw new Error(`no official build for ${platform()}/${arch()}`);
  const url = `https://github.com/pocketbase/pocketbase/releases/download/v${RELEASE_VERSION}/pocketbase_${RELEASE_VERSION}_${os}_${cpu}.zip`;
  const work = mkdtempSync(join(tmpdir(), "pocketbase-zip-"));
  try {
    const zip = join(work, "pocketbase.zip");
    const run = spawnSync(
      process.execPath,
      [
        "-e",
        `fetch(process.argv[1], { signal: AbortSignal.timeout(60000) })
          .then(async (r) => { if (!r.ok) throw new Error("HTTP " + r.status); require("node:fs").writeFileSync(process.argv[2], Buffer.from(await r.arrayBuffer())); })
          .catch((e) => { console.error(String(e.cause ?? e)); process.exit(1); });`,
        url,
        zip,
      ],
      { encoding: "utf8", timeout: 90_000 },
    );
    if (run.status !== 0) throw new Error(`download failed: ${run.stderr.trim()}`);
    const unzip = spawnSync("unzip", ["-q", "-o", zip, "-d", work], { encoding: "utf8" });
    if (unzip.status !== 0) throw new Error(`unzip failed: ${unzip.stderr.trim()}`);
    install(join(work, os === "windows" ? "pocketbase.exe" : "pocketbase"), `${RELEASE_VERSION} (official release)`);
    return readCachedVersion();
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function install(from, version) {
  mkdirSync(cacheDir, { recursive: true });
  copyFileSync(from, cachedBin);
  chmodSync(cachedBin, 0o755);
  if (!isRunnable(cachedBin)) throw new Error(`${from} does not run on this machine`);
  writeFileSync(cachedVersion, version + "\n");
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const found = findPocketBase({ log: (m) => console.log(m) });
    console.log(`PocketBase ${found.version} from ${found.source}: ${found.bin}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
