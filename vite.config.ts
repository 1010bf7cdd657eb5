import solid from "vite-plugin-solid";
import { configDefaults, defineConfig } from "vitest/config";

export default defineConfig({
  plugins: [solid()],
  resolve: { conditions: ["development", "browser"] },
  test: {
    // Every hook and integration test talks to one real PocketBase started here.
    globalSetup: ["tests/setup/pocketbase.global.ts"],
    // EventSource must exist before the SDK or msw load (see tests/setup/eventsource.ts).
    setupFiles: ["tests/setup/eventsource.ts", "tests/setup/msw.ts"],
    environment: "node",
    testTimeout: 20_000,
    hookTimeout: 20_000,
    projects: [
      {
        // The suite: the settings above (browser build of solid-js under jsdom). Type tests
        // (*.test-d.ts) are compiled by tests/types/typeTests.test.ts.
        extends: true,
        test: {
          name: "main",
          include: ["tests/**/*.test.{ts,tsx}", "src/**/*.test.{ts,tsx}"],
          exclude: [...configDefaults.exclude, "tests/ssr/**"],
        },
      },
      {
        // Server-side rendering: JSX compiled for the server and solid-js resolved to its
        // server build ("node" condition, no "browser"), as in a SSR app. No PocketBase needed.
        plugins: [solid({ ssr: true })],
        resolve: { conditions: ["node"] },
        test: {
          name: "ssr",
          include: ["tests/ssr/**/*.test.{ts,tsx}"],
          environment: "node",
          testTimeout: 20_000,
          // Server renders against the real PocketBase (tests/ssr/serverRender.test.tsx).
          globalSetup: ["tests/setup/pocketbase.global.ts"],
        },
      },
    ],
  },
});
