import { QueryClient } from "@tanstack/solid-query";
import { generateHydrationScript, renderToStringAsync } from "solid-js/web";
import { pocketbaseForRequest } from "../../../src/index";
import { App } from "./App";

/**
 * One request: a PocketBase client signed in from its cookie (checked by the server) and a
 * QueryClient, both its own; the page rendered once every query under Suspense has its data.
 */
export async function render(pbUrl: string, cookieHeader: string | undefined, url: string) {
  // `secure: false`: this example is served over plain http; keep the default over https.
  const { pb, setCookie } = await pocketbaseForRequest(pbUrl, cookieHeader, { cookie: { secure: false } });
  // A stale time, so that the browser does not refetch what the server has just fetched.
  const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: 30_000 } } });
  const body = await renderToStringAsync(() => <App pb={pb} queryClient={queryClient} url={url} />);
  const html = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Clinic, rendered on the server</title>
    ${generateHydrationScript()}
  </head>
  <body>
    <div id="app">${body}</div>
    <script type="module" src="/src/entry-client.tsx"></script>
  </body>
</html>`;
  return { html, setCookie: setCookie() };
}
