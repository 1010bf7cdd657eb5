// Type-checks a set of files with the TypeScript compiler API and returns the diagnostics as
// "file(line): TSxxxx message" lines, for tests that assert a compilation is clean (or, for a
// canary, that a wrong assertion is reported). Parsed files are shared between compilations: a
// `Register` augmentation changes what the checker sees, not what a file parses to, and reuse
// halves the time of each compilation.
import { relative } from "node:path";
import ts from "typescript";

const parsedFiles = new Map<string, ts.SourceFile>();

/** A compilation: a tsconfig, optionally other root files, and extra in-memory files. */
export interface Compilation {
  /** The tsconfig whose options (and, without `rootNames`, whose files) are used. */
  tsconfig: string;
  /** Root files to check instead of the tsconfig's own. */
  rootNames?: string[];
  /** In-memory files added to the compilation: absolute path → text. */
  extra?: Record<string, string>;
  /** Diagnostics name files relative to this folder. */
  relativeTo: string;
}

/** The diagnostics of a compilation; `[]` when it is clean. */
export function typecheck({ tsconfig, rootNames, extra = {}, relativeTo }: Compilation): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(tsconfig, {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
    },
  });
  if (!config) throw new Error(`cannot read ${tsconfig}`);
  const host = ts.createCompilerHost(config.options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (file) => extra[file] ?? readFile(file);
  host.fileExists = (file) => file in extra || fileExists(file);
  host.getSourceFile = (file, language, onError) => {
    const extraText = extra[file];
    if (extraText !== undefined) return ts.createSourceFile(file, extraText, language);
    let parsed = parsedFiles.get(file);
    if (!parsed) {
      parsed = getSourceFile(file, language, onError);
      if (parsed) parsedFiles.set(file, parsed);
    }
    return parsed;
  };
  const program = ts.createProgram({
    rootNames: [...(rootNames ?? config.fileNames), ...Object.keys(extra)],
    options: config.options,
    host,
  });
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n");
    if (!diagnostic.file || diagnostic.start === undefined) return `TS${diagnostic.code} ${message}`;
    const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    return `${relative(relativeTo, diagnostic.file.fileName)}(${line + 1}): TS${diagnostic.code} ${message}`;
  });
}
