import solid from "vite-plugin-solid";
import { defineConfig } from "vitest/config";

export default defineConfig({
  plugins: [solid()],
  resolve: { conditions: ["development", "browser"] },
  test: {
    // Every hook and integration test talks to one real PocketBase started here.
    globalSetup: ["tests/setup/pocketbase.global.ts"],
    // EventSource must exist before the SDK or msw load (TOOLCHAIN.md pitfall 6).
    setupFiles: ["tests/setup/eventsource.ts", "tests/setup/msw.ts"],
    include: ["tests/**/*.test.{ts,tsx}", "src/**/*.test.{ts,tsx}"],
    environment: "node",
    testTimeout: 20_000,
    hookTimeout: 20_000,
    typecheck: { enabled: true, include: ["tests/**/*.test-d.ts"], tsconfig: "tsconfig.json" },
  },
});
