// The server-rendering example: Solid's `renderToStringAsync` in a Vite SSR server, with the
// library's read hooks fetching during the render. (SolidStart 2 runs on this same machinery; it
// needs Node 24, and this project runs on Node 20.)
//
// Each request gets its own PocketBase client, signed in from its cookie (`pocketbaseForRequest`),
// and its own QueryClient; the response sets the refreshed cookie, or clears a refused one. The
// browser hydrates the page (solid-query puts each server-fetched query into its QueryClient,
// with no request) and then goes live.
//
//   node examples/ssr/server.mjs [--pb http://127.0.0.1:8090] [--port 5174]
//
// Imported (e2e/run.mjs does), it starts nothing: it exports `startSsrExample`.
import { createServer as createHttpServer } from "node:http";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));

/** Starts the example on 127.0.0.1:`port` against PocketBase at `pbUrl`; resolves with its URL and `close()`. */
export async function startSsrExample({ pbUrl, port, logLevel = "info" }) {
  const { createServer } = await import("vite");
  const { default: solid } = await import("vite-plugin-solid");
  const vite = await createServer({
    root: here,
    configFile: false,
    logLevel,
    clearScreen: false,
    plugins: [solid({ ssr: true })],
    define: { "import.meta.env.VITE_PB_URL": JSON.stringify(pbUrl) },
    server: { middlewareMode: true, hmr: false, watch: null },
    appType: "custom",
  });
  const http = createHttpServer(async (request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    // Pages are rendered here; the app's modules and assets are Vite's.
    if (!request.headers.accept?.includes("text/html")) return vite.middlewares(request, response);
    try {
      const { render } = await vite.ssrLoadModule("/src/entry-server.tsx");
      const page = await render(pbUrl, request.headers.cookie, url.pathname);
      const html = await vite.transformIndexHtml(url.pathname, page.html);
      response.writeHead(200, { "content-type": "text/html; charset=utf-8", "set-cookie": page.setCookie });
      response.end(html);
    } catch (error) {
      vite.ssrFixStacktrace(error);
      response.writeHead(500, { "content-type": "text/plain" });
      response.end(String(error?.stack ?? error));
    }
  });
  await new Promise((resolve) => http.listen(port, "127.0.0.1", resolve));
  const address = http.address();
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: async () => {
      await new Promise((resolve) => http.close(resolve));
      await vite.close();
    },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (name, fallback) => {
    const at = process.argv.indexOf(name);
    return at > 0 ? process.argv[at + 1] : fallback;
  };
  const example = await startSsrExample({ pbUrl: arg("--pb", "http://127.0.0.1:8090"), port: Number(arg("--port", "5174")) });
  console.log(`Server-rendered example at ${example.url} (PocketBase ${arg("--pb", "http://127.0.0.1:8090")}); Ctrl-C stops it.`);
  for (const signal of ["SIGINT", "SIGTERM"]) process.once(signal, () => void example.close().then(() => process.exit(0)));
}
