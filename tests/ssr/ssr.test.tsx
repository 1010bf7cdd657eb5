// @vitest-environment node
//
// Server-side rendering with Solid's server build (the "ssr" project in vite.config.ts compiles
// this file with `solid({ ssr: true })` and resolves solid-js to dist/server.js): a component
// using every hook renders to a string inside the providers without throwing, and nothing
// realtime happens on the server: no EventSource is created and no request reaches
// /api/realtime (docs/architecture.md, "Realtime lifecycle"). fetch and EventSource are
// stubbed and counted, so the test needs no PocketBase.
import { QueryClient, QueryClientProvider } from "@tanstack/solid-query";
import PocketBase, { BaseAuthStore, type ListResult, type RecordModel } from "pocketbase";
import { For } from "solid-js";
import { isServer, renderToString } from "solid-js/web";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import * as library from "../../src/index";
import {
  PocketBaseProvider,
  pocketbaseKeys,
  useCollection,
  useCreateRecord,
  useDeleteRecord,
  useFullCollection,
  useInfiniteCollection,
  usePocketBase,
  useRecord,
  useUpdateRecord,
} from "../../src/index";

type Post = RecordModel & { title: string };

const post = (id: string, title: string): Post => ({ id, title, collectionId: "c", collectionName: "posts" });
const page = (items: Post[]): ListResult<Post> => ({ page: 1, perPage: 30, totalItems: items.length, totalPages: 1, items });

/** Every hook of src/index.ts whose name starts with `use`, so a new hook cannot be forgotten here. */
const hookNames = Object.keys(library).filter((name) => name.startsWith("use")).sort();

let requests: string[];
let eventSources: string[];

beforeEach(() => {
  requests = [];
  eventSources = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (input: RequestInfo | URL) => {
      const url = String(input instanceof Request ? input.url : input);
      requests.push(url);
      const body = /\/records\/[^/?]+(\?|$)/.test(url) ? post("p1", "From server") : page([post("p1", "From server")]);
      return Response.json(body);
    }),
  );
  vi.stubGlobal(
    "EventSource",
    class {
      constructor(url: string | URL) {
        eventSources.push(String(url));
      }
      addEventListener() {}
      removeEventListener() {}
      close() {}
    },
  );
});

afterEach(() => {
  vi.unstubAllGlobals();
});

/** Calls every hook the library exports, the realtime ones included. */
function EveryHook() {
  const pb = usePocketBase();
  const called: string[] = ["usePocketBase"];
  const posts = useCollection<Post>("posts", () => ({ sort: "-created" }));
  called.push("useCollection");
  useFullCollection<Post>("posts", () => ({ sort: "title" }));
  called.push("useFullCollection");
  useInfiniteCollection<Post>("posts", () => ({ perPage: 10 }));
  called.push("useInfiniteCollection");
  useRecord<Post>("posts", "p1");
  called.push("useRecord");
  useCreateRecord<Post>("posts");
  called.push("useCreateRecord");
  useUpdateRecord<Post>("posts");
  called.push("useUpdateRecord");
  useDeleteRecord("posts");
  called.push("useDeleteRecord");
  // The other hooks (realtime, auth), called through the module namespace so that a new hook
  // cannot be left out: each gets arguments its signature accepts.
  const realtime = library as unknown as Record<string, (...args: unknown[]) => unknown>;
  const realtimeArgs: Record<string, unknown[]> = {
    useRealtimeCollection: ["posts"],
    useRealtimeRecord: ["posts", "p1"],
    useRealtimeStatus: [],
    useRealtimeTopic: ["custom-topic", () => {}],
    useBatch: [],
    useFileUrl: [post("p1", "With a photo"), "photo_abcdefghij.png", () => ({ thumb: "100x100" })],
    useAuth: [],
    useAuthWithPassword: ["users"],
    useSignOut: [],
    useAuthMethods: ["users"],
    useRequestOTP: ["users"],
    useAuthWithOTP: ["users"],
    useAuthWithOAuth2: ["users"],
    useRequestVerification: ["users"],
    useConfirmVerification: ["users"],
    useRequestPasswordReset: ["users"],
    useConfirmPasswordReset: ["users"],
  };
  let status: unknown;
  for (const name of hookNames.filter((n) => !called.includes(n))) {
    const result = realtime[name]!(...(realtimeArgs[name] ?? ["posts"]));
    if (name === "useRealtimeStatus") status = (result as () => unknown)();
    called.push(name);
  }
  return (
    <main data-client={pb.baseURL} data-hooks={called.sort().join(",")} data-status={JSON.stringify(status)}>
      <For each={posts.data?.items}>{(item) => <li>{item.title}</li>}</For>
    </main>
  );
}

function renderApp(queryClient: QueryClient, pb: PocketBase): string {
  return renderToString(() => (
    <QueryClientProvider client={queryClient}>
      <PocketBaseProvider client={pb}>
        <EveryHook />
      </PocketBaseProvider>
    </QueryClientProvider>
  ));
}

describe("server-side rendering", () => {
  it("runs with Solid's server build", () => {
    expect(isServer).toBe(true);
  });

  it("would see a realtime connection (canary: the stubs are where the SDK looks)", async () => {
    const pb = new PocketBase("http://pocketbase.invalid", new BaseAuthStore());
    void pb.realtime.subscribe("posts/*", () => {}).catch(() => {});
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(eventSources).toEqual(["http://pocketbase.invalid/api/realtime"]);
    pb.realtime.unsubscribe();
  });

  it("renders every hook to a string, opening no realtime connection", async () => {
    const pb = new PocketBase("http://pocketbase.invalid", new BaseAuthStore());
    const queryClient = new QueryClient();
    // What a server would prefetch: the page the component shows is in the HTML.
    queryClient.setQueryData(pocketbaseKeys.list<Post>("posts", { sort: "-created" }), page([post("a", "Prefetched")]));

    let html = "";
    expect(() => (html = renderApp(queryClient, pb))).not.toThrow();
    // Let anything the render started settle before counting.
    await new Promise((resolve) => setTimeout(resolve, 50));

    expect(html).toMatch(/<li[^>]*>Prefetched<\/li>/);
    const hooks = /data-hooks="([^"]*)"/.exec(html)?.[1]?.split(",");
    expect(hooks).toEqual(hookNames);
    expect(hookNames).toEqual(expect.arrayContaining(["useRealtimeCollection", "useRealtimeRecord"]));
    expect(html).toContain('data-status="{&quot;state&quot;:&quot;disconnected&quot;}"');

    expect(eventSources).toEqual([]);
    expect(requests.filter((url) => url.includes("/api/realtime"))).toEqual([]);
    // Nor any other request: renderToString is synchronous, so the queries render what the
    // cache holds (the prefetched page; loading elsewhere) and start no fetch.
    expect(requests).toEqual([]);
    queryClient.clear();
  });
});
