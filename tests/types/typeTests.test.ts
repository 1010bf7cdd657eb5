// Runs the suite's type tests (every `*.test-d.ts` outside ./.registered/) as one compilation with
// the project's tsconfig, and asserts each file is free of type errors: its `expectTypeOf`
// assertions hold and each `@ts-expect-error` meets an error. Vitest's own typecheck mode would do
// the same but prints an "experimental feature" warning on every run. A canary with a wrong
// assertion proves the check reports errors.
import { readdirSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { typecheck } from "../helpers/typecheck";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const files = readdirSync(join(root, "tests"), { recursive: true, encoding: "utf8" })
  .map((file) => `tests/${file}`)
  .filter((file) => file.endsWith(".test-d.ts") && !file.includes("/.registered/"))
  .sort();
const canaryPath = join(root, "tests/types/canary.test-d.ts");
const canary = [
  'import type { ListResult } from "pocketbase";',
  'import { expectTypeOf } from "vitest";',
  'import { pocketbaseKeys } from "../../src/core/keys/pocketbaseKeys";',
  'expectTypeOf(pocketbaseKeys.list<{ id: string }>("posts")).toEqualTypeOf<ListResult<{ id: number }>>();',
].join("\n");

let errors: string[] = [];

// One compilation of the project (a few seconds, more on a busy machine).
beforeAll(() => {
  errors = typecheck({
    tsconfig: join(root, "tsconfig.json"),
    rootNames: [...files.map((file) => join(root, file)), canaryPath],
    extra: { [canaryPath]: canary },
    relativeTo: root,
  });
}, 60_000);

describe("type tests", () => {
  it("finds the type test files", () => {
    expect(files).toContain("tests/core/keys/pocketbaseKeys.test-d.ts");
    expect(files).toContain("tests/types/typedCollections.test-d.ts");
  });

  it.each(files)("%s has no type errors", (file) => {
    expect(errors.filter((error) => error.startsWith(`${file}(`))).toEqual([]);
  });

  it("reports a wrong assertion (canary: the check is not vacuous)", () => {
    const fromCanary = errors.filter((error) => error.startsWith(`${relative(root, canaryPath)}(`));
    expect(fromCanary).toEqual([expect.stringMatching(/^tests\/types\/canary\.test-d\.ts\(4\): TS2344 /)]);
  });

  it("reports nothing outside the type test files", () => {
    const elsewhere = errors.filter(
      (error) => !files.some((file) => error.startsWith(`${file}(`)) && !error.startsWith("tests/types/canary"),
    );
    expect(elsewhere).toEqual([]);
  });
});
