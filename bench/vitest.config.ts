import { defineConfig } from "vitest/config";

// Benchmarks run as one vitest file against the same real PocketBase the tests use; they print
// figures and ratios and assert only that every strategy ends equal to the server.
export default defineConfig({
  test: {
    root: new URL("..", import.meta.url).pathname,
    include: ["bench/**/*.bench-run.ts"],
    globalSetup: ["tests/setup/pocketbase.global.ts"],
    setupFiles: ["tests/setup/eventsource.ts"],
    environment: "node",
    testTimeout: 300_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
