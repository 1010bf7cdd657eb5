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
    external: ["solid-js", "@tanstack/solid-query", "pocketbase"],
  },
]);
