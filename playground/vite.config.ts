// Vite config of the clinic playground. `npm run playground` loads it through Vite's
// createServer (scripts/playground.mjs) and sets VITE_PB_URL; `npx vite --config
// playground/vite.config.ts` also works against a PocketBase you run yourself.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import solid from "vite-plugin-solid";

const playground = fileURLToPath(new URL(".", import.meta.url));
const repository = fileURLToPath(new URL("..", import.meta.url));

export default defineConfig({
  root: playground,
  plugins: [solid()],
  // Its own pre-bundled dependencies, apart from the root config's (vitest).
  cacheDir: fileURLToPath(new URL("../node_modules/.vite/playground", import.meta.url)),
  server: {
    host: "127.0.0.1",
    port: 5173,
    // The app imports the library's source from ../src: no build step to try a change.
    fs: { allow: [repository] },
  },
  clearScreen: false,
});
