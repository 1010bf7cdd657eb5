// The house rules of src/core, checked on the source tree (docs/architecture.md, "The rooms of
// src/core"): rooms import only rooms below them, core never imports solid-js, every core module
// has a test named after it (or names the tests that pin it), each module is named after its
// export, and nothing in the repository points at files outside it.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const core = join(root, "src/core");

/** The rooms, bottom first, with the rooms each may import. */
const rooms: Record<string, readonly string[]> = {
  auth: [],
  keys: [],
  filter: ["keys"],
  cache: ["keys", "filter"],
  optimistic: ["keys", "filter", "cache"],
  queries: ["keys", "filter", "cache"],
  mutations: ["auth", "keys", "filter", "cache", "optimistic", "queries"],
  realtime: ["auth", "keys", "filter", "cache", "optimistic", "queries"],
  persist: ["auth", "keys", "filter", "cache", "optimistic", "queries", "mutations"],
};

/** Files at the top of src/core: shared types only. */
const sharedFiles = ["types.ts"];

const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((file) => /\.tsx?$/.test(file))
    .map((file) => join(dir, file));

const coreFiles = filesUnder(core);
const rel = (file: string) => relative(root, file);

// Relative imports and re-exports of a file, as written.
function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/^(?:import|export)\s[^;]*?from\s+"([^"]+)"/gms)].map((match) => match[1]!);
}

describe("src/core is grouped in rooms", () => {
  it("holds only the rooms and the shared files at its top", () => {
    const top = readdirSync(core).sort();
    expect(top).toEqual([...Object.keys(rooms), ...sharedFiles].sort());
  });

  it("never imports solid-js", () => {
    const offenders = coreFiles.filter((file) => importsOf(file).some((spec) => spec.startsWith("solid-js")));
    expect(offenders.map(rel)).toEqual([]);
  });

  it("takes TanStack's types from @tanstack/solid-query as types only, and nothing else of it", () => {
    // A type import is erased by the build: core loads no solid-js. And the app's one copy of
    // query-core (the one solid-query brings) types the keys, so getQueryData stays typed.
    const offenders = coreFiles.flatMap((file) => {
      const text = readFileSync(file, "utf8");
      const values = [...text.matchAll(/^import (?!type )[^;]*?from\s+"(@tanstack\/[^"]+)"/gms)].map((match) => match[1]);
      const queryCore = importsOf(file).filter((spec) => spec === "@tanstack/query-core");
      return [...values, ...queryCore].map((spec) => `${rel(file)} imports ${spec}`);
    });
    expect(offenders).toEqual([]);
  });

  it("imports only rooms below each room", () => {
    const upward: string[] = [];
    for (const file of coreFiles) {
      const room = relative(core, file).split("/")[0]!;
      const allowed = rooms[room];
      if (!allowed) continue; // a shared file: checked by the next test
      for (const spec of importsOf(file).filter((spec) => spec.startsWith("."))) {
        const target = relative(core, join(dirname(file), spec)).split("/");
        if (target.length === 1 || target[0] === room) continue; // a shared file, or its own room
        if (!allowed.includes(target[0]!)) upward.push(`${rel(file)} imports ${spec}`);
      }
    }
    expect(upward).toEqual([]);
  });

  it("keeps the shared files free of imports from the rooms", () => {
    const offenders = sharedFiles.flatMap((file) =>
      importsOf(join(core, file)).filter((spec) => spec.startsWith(".")).map((spec) => `${file} imports ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it("names each module after its export", () => {
    const unnamed = coreFiles
      .filter((file) => !/(^types|Types)\.ts$/.test(basename(file)))
      .filter((file) => {
        const name = basename(file, ".ts");
        return !new RegExp(`^export (?:async )?(?:function\\*?|const|class|interface|type) ${name}\\b`, "m").test(
          readFileSync(file, "utf8"),
        );
      });
    expect(unnamed.map(rel)).toEqual([]);
  });
});

describe("server rendering: no request's data outlives it", () => {
  // One server renders for many users at once, each request with its own PocketBase client and
  // QueryClient. Module-level state shared by those requests must not hold a record or a user.
  // A WeakMap or WeakSet is keyed by a per-request object (a QueryClient, a client, a mutation,
  // cached data) and goes with it. Anything else at module level is listed here, with why it is
  // safe; a new one fails this test until it is reviewed and listed.
  const reviewed: Record<string, string> = {
    "src/core/filter/compileFilter.ts compiled": "bounded cache of pure predicates, keyed by the filter's text",
    "src/core/filter/compileFilter.ts MODIFIERS": "constant words of the filter grammar",
    "src/core/filter/compileFilter.ts NOT_FIELDS": "constant words of the filter grammar",
    "src/core/filter/fieldKinds.ts MULTI_VALUER_TYPES": "constant names of PocketBase field types",
    "src/core/filter/fieldKinds.ts PLAIN_TYPES": "constant names of PocketBase field types",
    "src/core/filter/tokenizeFilter.ts SIGNS": "constant operators of the filter grammar",
    "src/core/filter/compileSort.ts compiled": "bounded cache of pure comparators, keyed by the sort's text",
    "src/core/filter/sqliteLike.ts tokenized": "bounded cache of LIKE patterns, keyed by the pattern's text",
    "src/core/keys/parseKey.ts ROOT": "a constant, set once",
    "src/core/persist/writerTab.ts current": "the browser tab's id: only the persistence glue asks for it, in the browser",
  };

  it("holds module-level state only in WeakMaps and WeakSets, or in the reviewed list", () => {
    const files = filesUnder(join(root, "src"));
    const found = files.flatMap((file) =>
      [...readFileSync(file, "utf8").matchAll(/^(?:export )?(?:(?:const|let|var) (\w+)[^=\n]*= ?new (Map|Set|WeakMap|WeakSet|Array)\b|let (\w+))/gm)]
        .filter((match) => match[2] !== "WeakMap" && match[2] !== "WeakSet")
        .map((match) => `${rel(file)} ${match[1] ?? match[3]}`),
    );
    expect(found.sort()).toEqual(Object.keys(reviewed).sort());
  });
});

describe("every core module can be found from its tests", () => {
  const testFiles = filesUnder(join(root, "tests")).map(rel);

  it.each(coreFiles.map(rel))("%s", (file) => {
    // tests/core/<room>/<module>.test.ts, or <module>.<aspect>.test.ts(x), or .test-d.ts
    const mirrored = file.replace(/^src\//, "tests/").replace(/\.ts$/, "");
    const direct = testFiles.filter((test) => test.startsWith(`${mirrored}.`) && /\.test(-d)?\.tsx?$/.test(test));
    if (direct.length > 0) return;
    // Otherwise its header names the tests that pin it: "Tested by tests/a.test.ts, tests/b.test.tsx (...)".
    const text = readFileSync(join(root, file), "utf8");
    const sentence = /Tested by ([^(]*)\(/.exec(text)?.[1];
    const paths = [...(sentence ?? "").matchAll(/tests\/\S+?\.test(?:-d)?\.tsx?/g)].map((match) => match[0]);
    expect(paths, `${file} has no test at ${mirrored}.test.ts and no "Tested by tests/... (...)" line`).not.toEqual([]);
    expect(paths.filter((path) => !existsSync(join(root, path))), `${file} names tests that do not exist`).toEqual([]);
  });
});

describe("the repository stands on its own", () => {
  it("points at no file outside it", () => {
    const outside = /\.\.\/shared\/|\bshared\/(?:DESIGN|STYLE|TOOLCHAIN)|DESIGN\.md|pocketbase-protocol\.md|TOOLCHAIN\.md|STYLE\.md/;
    const scanned = [
      ...["src", "tests", "playground", "bench", "e2e", "scripts", "docs", "examples"].flatMap((dir) =>
        readdirSync(join(root, dir), { recursive: true, encoding: "utf8" })
          .filter((file) => /\.(ts|tsx|js|mjs|md|json|html|css)$/.test(file))
          .filter((file) => !file.includes("node_modules") && !file.startsWith("api/")) // generated API docs
          .map((file) => join(root, dir, file)),
      ),
      join(root, "README.md"),
      join(root, "vite.config.ts"),
      join(root, "tsup.config.ts"),
      join(root, "typedoc.json"),
    ].filter((file) => file !== fileURLToPath(import.meta.url));
    const offenders = scanned.filter((file) => outside.test(readFileSync(file, "utf8"))).map(rel);
    expect(offenders).toEqual([]);
  });
});
