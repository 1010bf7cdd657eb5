#!/usr/bin/env node
// `npm run check:package`: the packed package as a new user meets it.
//
//   1. Builds and packs the package (`npm pack`).
//   2. Makes a fresh app in a temporary folder and installs the tarball with the README's own
//      install line (the package name replaced by the tarball's path).
//   3. Asserts the install holds one copy of @tanstack/query-core: two copies type the key
//      factory's data as `unknown` in the app.
//   4. Generates the app's record types with pocketbase-typegen from the playground's
//      PocketBase, as the README's "Typed collections" section says.
//   5. Installs the README's other install lines (persistence) and type-checks every ts/tsx
//      code block of the README in that app under `strict`,
//      `exactOptionalPropertyTypes` and `noUncheckedIndexedAccess`: the blocks of "Typed
//      collections" with the registration they show, every other block without one. A type test
//      asserts `getQueryData(pocketbaseKeys.detail<T>(...))` is `T | undefined`, and each line
//      the README comments as a type error must be one.
//
// Exits 0, or 1 with what failed. `--keep` leaves the app folder for inspection.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { findPocketBase } from "./get-pocketbase.mjs";
import { ADMIN, freePort, startPocketBase } from "./playground.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const keep = process.argv.includes("--keep");
const TYPED_SECTION = "Typed collections";
const TYPEGEN = "pocketbase-typegen@^1.5";

// Names the README's examples take from the app around them (its components, its helpers and its
// record types); everything from a library must be imported by the block itself.
const APP_CONTEXT = `
import type { RecordModel } from "pocketbase";
declare global {
  type Post = RecordModel & { title: string; status: string; views: number; likes: number; expand?: { author?: Author } };
  type Author = RecordModel & { name: string };
  type Patient = RecordModel & { name: string; ward: string; photo: string };
  const pb: import("pocketbase").default;
  function App(): import("solid-js").JSX.Element;
  function Row(props: { post: Post }): import("solid-js").JSX.Element;
  function toast(message: string): void;
  function log(...values: unknown[]): void;
}
export {};
`;

// The type test: the key factory's data type survives the install (one query-core).
const KEYS_CHECK = `
import { QueryClient } from "@tanstack/solid-query";
import { pocketbaseKeys } from "solid-query-pocketbase";
import type { PatientsResponse } from "./pocketbase-types";

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const queryClient = new QueryClient();
const cached = queryClient.getQueryData(pocketbaseKeys.detail<PatientsResponse>("patients", "x"));
export const detailIsTyped: Equal<typeof cached, PatientsResponse | undefined> = true;
queryClient.setQueryData(pocketbaseKeys.detail<PatientsResponse>("patients", "x"), (old) => old && { ...old, name: old.name.trim() });
`;

const COMPILER_OPTIONS = {
  target: "ES2022",
  module: "ESNext",
  moduleResolution: "Bundler",
  lib: ["ES2022", "DOM", "DOM.Iterable"],
  jsx: "preserve",
  jsxImportSource: "solid-js",
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  isolatedModules: true,
  verbatimModuleSyntax: true,
  skipLibCheck: true,
  noEmit: true,
  types: [],
};

main().catch((error) => {
  console.error(`\ncheck-package failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

async function main() {
  const work = mkdtempSync(join(tmpdir(), "sqpb-package-"));
  try {
    const tarball = pack(work);
    const app = join(work, "app");
    install(app, tarball);
    assertOneQueryCore(app);
    installOptional(app);
    await generateTypes(app);
    const blocks = readmeBlocks();
    compile(app, blocks);
    console.log(`\nThe packed package installs with one query-core, and ${blocks.length} README code blocks compile.`);
  } finally {
    if (keep) console.log(`Kept ${work}`);
    else rmSync(work, { recursive: true, force: true, maxRetries: 3 });
  }
}

function run(command, args, cwd, { quiet = false } = {}) {
  try {
    return execFileSync(command, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (error) {
    const output = `${error.stdout ?? ""}${error.stderr ?? ""}`.trim();
    throw new Error(`\`${command} ${args.join(" ")}\` failed in ${cwd}${quiet ? "" : `:\n${output}`}`);
  }
}

function pack(work) {
  step("Build and pack");
  run("npm", ["run", "build", "--silent"], root);
  const [packed] = JSON.parse(run("npm", ["pack", "--json", "--pack-destination", work], root));
  console.log(`${packed.filename}: ${packed.entryCount} files, ${(packed.size / 1024).toFixed(1)} kB`);
  return join(work, packed.filename);
}

function install(app, tarball) {
  const readme = readFileSync(join(root, "README.md"), "utf8");
  const line = readme.match(/^npm install solid-query-pocketbase .*$/m)?.[0];
  if (!line) throw new Error("README.md has no `npm install solid-query-pocketbase ...` line");
  const args = line.split(/\s+/).slice(1).map((word) => (word === "solid-query-pocketbase" ? tarball : word));
  step(`A fresh app: ${line}`);
  mkdirSync(join(app, "src"), { recursive: true });
  writeFileSync(join(app, "package.json"), JSON.stringify({ name: "scratch-app", private: true, type: "module" }, null, 2));
  run("npm", [...args, "--no-audit", "--no-fund"], app);
  // The app's record types come from pocketbase-typegen, run with npx as the README says. Its
  // better-sqlite3 dependency (for reading a database file) is not needed with --url.
  run("npm", ["install", "--save-dev", "--ignore-scripts", "--no-audit", "--no-fund", TYPEGEN], app);
}

/**
 * The README's other install lines (persistence, an IndexedDB store), so the blocks that use them
 * compile. After the query-core check: TanStack pins its persistence packages to one query-core
 * version of their own, which the README says how to align.
 */
function installOptional(app) {
  const readme = readFileSync(join(root, "README.md"), "utf8");
  for (const [line] of readme.matchAll(/^npm install (?!solid-query-pocketbase ).*$/gm)) {
    step(`Optional: ${line}`);
    run("npm", [...line.split(/\s+/).slice(1), "--no-audit", "--no-fund"], app);
  }
}

function assertOneQueryCore(app) {
  step("One @tanstack/query-core");
  const tree = JSON.parse(run("npm", ["ls", "@tanstack/query-core", "--all", "--json"], app));
  const versions = new Set();
  const walk = (node) => {
    for (const [name, child] of Object.entries(node.dependencies ?? {})) {
      if (name === "@tanstack/query-core") versions.add(child.version);
      walk(child);
    }
  };
  walk(tree);
  console.log(run("npm", ["ls", "@tanstack/query-core", "--all"], app).trim());
  if (versions.size !== 1) {
    throw new Error(`the install holds ${versions.size} versions of @tanstack/query-core (${[...versions].join(", ")})`);
  }
}

async function generateTypes(app) {
  step("Record types from pocketbase-typegen");
  const { bin } = findPocketBase({ log: console.log });
  const url = `http://127.0.0.1:${await freePort()}`;
  const server = await startPocketBase(bin, url, join(app, "pb_data"));
  try {
    const out = join(app, "src", "pocketbase-types.ts");
    const args = ["pocketbase-typegen", "--url", url, "--email", ADMIN.email, "--password", ADMIN.password, "--out", out];
    run("npx", args, app);
    console.log(`src/pocketbase-types.ts from the playground's schema (${url})`);
  } finally {
    await server.stop();
  }
}

/** The README's ts/tsx code blocks, with the section each stands in. */
function readmeBlocks() {
  const readme = readFileSync(join(root, "README.md"), "utf8");
  const blocks = [];
  let section = "";
  const lines = readme.split("\n");
  for (let index = 0; index < lines.length; index++) {
    const heading = /^## (.+)$/.exec(lines[index]);
    if (heading) section = heading[1].trim();
    const fence = /^```(ts|tsx)\s*$/.exec(lines[index]);
    if (!fence) continue;
    const start = index + 1;
    let end = start;
    while (end < lines.length && lines[end] !== "```") end++;
    blocks.push({ line: start, section, code: expectErrors(lines.slice(start, end)).join("\n") });
    index = end;
  }
  return blocks;
}

// A commented line that the README says is a type error (`// code;   type error: why`) is
// compiled as code under `@ts-expect-error`: the claim is checked, not just printed.
function expectErrors(lines) {
  return lines.flatMap((line) => {
    const claim = /^(\s*)\/\/ (.+?;)\s+type error: /.exec(line);
    return claim ? [`${claim[1]}// @ts-expect-error ${line.trim().slice(3)}`, `${claim[1]}${claim[2]}`] : [line];
  });
}

function compile(app, blocks) {
  step(`Type-check ${blocks.length} README code blocks and the key type test`);
  const typed = blocks.filter((block) => block.section === TYPED_SECTION);
  const plain = blocks.filter((block) => block.section !== TYPED_SECTION);
  const failures = [];
  for (const [name, group, extra] of [
    ["without registration", plain, {}],
    ["with the registration of Typed collections", typed, { "keys-check.ts": KEYS_CHECK }],
  ]) {
    const dir = join(app, "src", name.startsWith("with the") ? "typed" : "plain");
    mkdirSync(dir, { recursive: true });
    const files = { "app-context.d.ts": APP_CONTEXT, ...extra };
    for (const block of group) {
      // A block that names its file (`// src/pocketbase.ts`) is that file; the others get a name.
      const named = /^\/\/ src\/(\S+\.tsx?)$/m.exec(block.code)?.[1];
      files[named ?? `readme-line-${block.line}.tsx`] = block.code;
    }
    for (const [file, code] of Object.entries(files)) writeFileSync(join(dir, file), code);
    if (name.startsWith("with the")) writeFileSync(join(dir, "pocketbase-types.ts"), readFileSync(join(app, "src", "pocketbase-types.ts")));
    writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: COMPILER_OPTIONS, include: ["*.ts", "*.tsx"] }, null, 2));
    try {
      run(join(root, "node_modules", ".bin", "tsc"), ["-p", join(dir, "tsconfig.json")], app);
      console.log(`${name}: ${group.length} blocks compile`);
    } catch (error) {
      failures.push(`${name}:\n${error.message.split("\n").slice(1).join("\n")}`);
    }
  }
  if (failures.length > 0) throw new Error(`README code does not compile in the app:\n\n${failures.join("\n\n")}`);
}

function step(title) {
  console.log(`\n--> ${title}`);
}
