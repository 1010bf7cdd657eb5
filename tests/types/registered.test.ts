// Type-checks the registered fixtures in ./.registered/ with the TypeScript compiler API.
//
// A `Register` augmentation applies to every file of a compilation, so an app's registration
// cannot sit in the suite's own compilation: every hook test there uses collection names of
// its own. Each fixture folder is therefore a compilation of its own (its tsconfig imports the
// library by package name, resolved to src/), and this test asserts it has no type errors:
// its `expectTypeOf` assertions hold and each `@ts-expect-error` meets an error. A canary
// file with a wrong assertion proves the check really reports errors.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { typecheck as compile } from "../helpers/typecheck";

const fixtures = join(dirname(fileURLToPath(import.meta.url)), ".registered");

/** The diagnostics of fixture `name`, with `extra` files added, as "file(line): TSxxxx message". */
function typecheck(name: string, extra: Record<string, string> = {}): string[] {
  return compile({
    tsconfig: join(fixtures, name, "tsconfig.json"),
    extra: Object.fromEntries(Object.entries(extra).map(([file, text]) => [join(fixtures, name, file), text])),
    relativeTo: fixtures,
  });
}

// Each compilation takes a few seconds, more on a busy machine.
describe("typed collections with a registered schema", { timeout: 60_000 }, () => {
  it("infers records from a registered client type's collection() overloads", () => {
    expect(typecheck("client")).toEqual([]);
  });

  it("infers records from registered collections next to a generic pocketbase-typegen client", () => {
    expect(typecheck("collections")).toEqual([]);
  });

  it("requires a create's required fields once pocketbase-typegen's CollectionRecords is registered", () => {
    expect(typecheck("typegen")).toEqual([]);
  });

  it("offers PocketBase's own collections as names when the app registers systemCollections", () => {
    expect(typecheck("system")).toEqual([]);
  });

  it("names the fix in tsc's message when a generic pocketbase-typegen client is registered alone", () => {
    const app = [
      'import { useCollection } from "solid-query-pocketbase";',
      'export const id = useCollection("posts").data?.items[0]?.id;',
    ].join("\n");
    expect(typecheck("generic-client")).toEqual([]);
    expect(typecheck("generic-client", { "app.ts": app })).toEqual([
      "generic-client/app.ts(2): TS2339 Property 'id' does not exist on type 'UnresolvedCollectionRecord<" +
        "\"Add `collections: CollectionResponses` to Register (the registered client's collection() is generic)\">'.",
    ]);
  });

  it("reports a wrong assertion (canary: the check is not vacuous)", () => {
    const canary = [
      'import type { ListResult } from "pocketbase";',
      'import { useCollection } from "solid-query-pocketbase";',
      'import { expectTypeOf } from "vitest";',
      'import type { AuthorsResponse } from "../../schema";',
      "expectTypeOf(useCollection(\"posts\").data).toEqualTypeOf<ListResult<AuthorsResponse> | undefined>();",
      'useCollection("authors", () => ({ select: (page) => page.items[0]?.title }));',
    ].join("\n");
    const errors = typecheck("client", { "canary.test-d.ts": canary });
    expect(errors).toEqual([
      expect.stringMatching(/^client\/canary\.test-d\.ts\(5\): TS2344 /),
      expect.stringMatching(/^client\/canary\.test-d\.ts\(6\): TS2339 Property 'title' does not exist/),
    ]);
  });
});
