// Type-checks the registered fixtures in ./.registered/ with the TypeScript compiler API.
//
// A `Register` augmentation applies to every file of a compilation, so an app's registration
// cannot sit in the suite's own compilation: every hook test there uses collection names of
// its own. Each fixture folder is therefore a compilation of its own (its tsconfig imports the
// library by package name, resolved to src/), and this test asserts it has no type errors:
// its `expectTypeOf` assertions hold and each `@ts-expect-error` meets an error. A canary
// file with a wrong assertion proves the check really reports errors.
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const fixtures = join(dirname(fileURLToPath(import.meta.url)), ".registered");
const parsedFiles = new Map<string, ts.SourceFile>();

/** The diagnostics of fixture `name`, with `extra` files added, as "file(line): TSxxxx message". */
function typecheck(name: string, extra: Record<string, string> = {}): string[] {
  const configPath = join(fixtures, name, "tsconfig.json");
  const config = ts.getParsedCommandLineOfConfigFile(configPath, {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
    },
  });
  if (!config) throw new Error(`cannot read ${configPath}`);
  const extraPaths = Object.fromEntries(Object.entries(extra).map(([file, text]) => [join(fixtures, name, file), text]));
  const host = ts.createCompilerHost(config.options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (file) => extraPaths[file] ?? readFile(file);
  host.fileExists = (file) => file in extraPaths || fileExists(file);
  // Parsed files are shared between the compilations (an augmentation changes what the checker
  // sees, not what a file parses to); this saves about half of each compilation's time.
  host.getSourceFile = (file, language, onError) => {
    const extraText = extraPaths[file];
    if (extraText !== undefined) return ts.createSourceFile(file, extraText, language);
    let parsed = parsedFiles.get(file);
    if (!parsed) {
      parsed = getSourceFile(file, language, onError);
      if (parsed) parsedFiles.set(file, parsed);
    }
    return parsed;
  };
  const program = ts.createProgram({
    rootNames: [...config.fileNames, ...Object.keys(extraPaths)],
    options: config.options,
    host,
  });
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n");
    if (!diagnostic.file || diagnostic.start === undefined) return `TS${diagnostic.code} ${message}`;
    const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    return `${relative(fixtures, diagnostic.file.fileName)}(${line + 1}): TS${diagnostic.code} ${message}`;
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
