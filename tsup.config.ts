import { defineConfig } from "tsup";

// Plain tsup, no tsup-preset-solid: src/ has no JSX (components use createComponent), so one
// compiled ESM build serves every bundler and the preset's package.json writer (asynchronous,
// and racy when not awaited) is avoided.
export default defineConfig([
  {
    entry: { index: "src/index.ts" },
    format: ["esm"],
    dts: true,
    clean: true,
    sourcemap: true,
    target: "es2022",
    platform: "browser",
    // Rollup's pass after esbuild: one import statement per external package. esbuild alone
    // keeps each module's own statement, and a bundler that keeps unused imports (size-limit's
    // esbuild does) then carries every one of them into every entry.
    treeshake: true,
    external: ["solid-js", "@tanstack/solid-query", "pocketbase"],
  },
]);
