import { defineConfig } from "tsup";

// Plain tsup, no tsup-preset-solid: src/ has no JSX (components use createComponent), so one
// compiled ESM build serves every bundler and the preset's racy package.json writer is avoided
// (TOOLCHAIN.md pitfall 4).
export default defineConfig([
  {
    entry: { index: "src/index.ts" },
    format: ["esm"],
    dts: true,
    clean: true,
    sourcemap: true,
    target: "es2022",
    platform: "browser",
    external: ["solid-js", "@tanstack/solid-query", "@tanstack/query-core", "pocketbase"],
  },
]);
