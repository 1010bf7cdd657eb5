// @vitest-environment node
//
// Server rendering against the real PocketBase, with Solid's server build: each request renders
// with its own clients (pocketbaseForRequest and a QueryClient), the read hooks fetch during the
// render under <Suspense>, and the HTML holds the records of the request's user only, also when
// two renders run at once and one user's answer comes late. The HTML also carries the queries'
// data for the browser (solid-query serializes each query's resource with its dehydrated state,
// and `onHydrated` puts it into the browser's QueryClient without a request).
import { QueryClient, QueryClientProvider } from "@tanstack/solid-query";
import { For, Suspense } from "solid-js";
import { renderToStringAsync } from "solid-js/web";
import { describe, expect, it } from "vitest";
import { pocketbaseForRequest } from "../../src/core/auth/pocketbaseForRequest";
import { PocketBaseProvider } from "../../src/PocketBaseProvider";
import { useFullCollection } from "../../src/useFullCollection";
import { freshCollection, pbUrl, seed, userClient } from "../helpers/pocketbase";

type Note = { id: string; text: string };

function Notes(props: { collection: string }) {
  const notes = useFullCollection<Note>(props.collection, () => ({ sort: "text" }));
  return (
    <ul>
      <For each={notes.data}>{(note) => <li>{note.text}</li>}</For>
    </ul>
  );
}

/** One server request: its own clients, its user from the cookie, the page rendered with its data. */
async function renderPage(collection: string, cookie: string | undefined, { lateBy = 0 } = {}) {
  const { pb, setCookie } = await pocketbaseForRequest(pbUrl(), cookie);
  if (lateBy) pb.beforeSend = async (url, options) => (await new Promise((r) => setTimeout(r, lateBy)), { url, options });
  const queryClient = new QueryClient();
  const html = await renderToStringAsync(() => (
    <QueryClientProvider client={queryClient}>
      <PocketBaseProvider client={pb}>
        <Suspense fallback={<p>loading</p>}>
          <Notes collection={collection} />
        </Suspense>
      </PocketBaseProvider>
    </QueryClientProvider>
  ));
  return { html, setCookie: setCookie() };
}

const cookieOf = async (user: "alice" | "bob") => (await userClient(user)).authStore.exportToCookie({ httpOnly: false }).split(";")[0]!;

describe("server rendering with the read hooks", () => {
  it("renders the request's user's records into the HTML, with their data for the browser", async () => {
    const collection = await freshCollection("notes");
    const alice = await userClient("alice");
    await seed(collection, [{ text: "alice-note-1", owner: alice.authStore.record!.id }]);
    const { html } = await renderPage(collection, await cookieOf("alice"));
    expect(html).toMatch(/<li[^>]*>alice-note-1<\/li>/);
    expect(html).not.toContain("loading");
    // The query's data travels in the page, with its key, for the browser's QueryClient.
    const serialized = html.slice(html.indexOf("<script"));
    expect(serialized).toContain("hydrationData");
    expect(serialized).toContain(`queryKey:$R`);
    expect(serialized).toContain(`["pocketbase","${collection}","list"`);
    expect(serialized).toContain('text:"alice-note-1"');
  });

  it("renders two users at once, one answered late, each page with its own records only", async () => {
    const collection = await freshCollection("notes");
    const [alice, bob] = await Promise.all([userClient("alice"), userClient("bob")]);
    await seed(collection, [
      { text: "alice-private", owner: alice.authStore.record!.id },
      { text: "bob-private", owner: bob.authStore.record!.id },
    ]);
    const [aliceCookie, bobCookie] = await Promise.all([cookieOf("alice"), cookieOf("bob")]);
    const [alicePage, bobPage] = await Promise.all([renderPage(collection, aliceCookie, { lateBy: 300 }), renderPage(collection, bobCookie)]);
    expect(alicePage.html).toContain("alice-private");
    expect(alicePage.html).not.toContain("bob-private");
    expect(bobPage.html).toContain("bob-private");
    expect(bobPage.html).not.toContain("alice-private");
  });

  it("renders a request without a valid cookie as a guest's, and its Set-Cookie clears the cookie", async () => {
    const collection = await freshCollection("notes");
    const alice = await userClient("alice");
    await seed(collection, [{ text: "alice-only", owner: alice.authStore.record!.id }]);
    const forged = (await cookieOf("alice")).replace(/(%22token%22%3A%22[^%]+)/, (token) => `${token.slice(0, -4)}AAAA`);
    const { html, setCookie } = await renderPage(collection, forged);
    expect(html).not.toContain("alice-only");
    expect(html).toMatch(/<ul[^>]*><\/ul>/);
    expect(setCookie).toMatch(/Expires=Thu, 01 Jan 1970/);
  });
});
