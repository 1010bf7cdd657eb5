// @vitest-environment jsdom
// The read hooks under <Suspense> and <ErrorBoundary>, against the real server: a fallback while
// the first answer is on its way, the records once it is in, and the boundary's fallback for a
// refused read with `throwOnError` (a missing record, a collection a guest may not list).
import { render } from "@solidjs/testing-library";
import { ErrorBoundary, For, Suspense, type JSX } from "solid-js";
import type { ClientResponseError } from "pocketbase";
import { describe, expect, it } from "vitest";
import { useCollection } from "../src/useCollection";
import { useFullCollection } from "../src/useFullCollection";
import { useInfiniteCollection } from "../src/useInfiniteCollection";
import { useRecord } from "../src/useRecord";
import { holdNext } from "./helpers/msw";
import { freshCollection, newClient, seed, waitFor } from "./helpers/pocketbase";
import { Providers, testQueryClient } from "./helpers/render";

type Post = { id: string; title: string };

function renderInBoundaries(view: () => JSX.Element) {
  const View = view; // a component: the hook is made once, inside the boundaries
  const rendered = render(() => (
    <Providers pb={newClient()} queryClient={testQueryClient()}>
      <ErrorBoundary fallback={(error: ClientResponseError) => <p data-testid="failed">failed: {error.status}</p>}>
        <Suspense fallback={<p data-testid="loading">loading</p>}>
          <View />
        </Suspense>
      </ErrorBoundary>
    </Providers>
  ));
  const text = () => rendered.container.textContent ?? "";
  return { text, unmount: rendered.unmount };
}

/** The records' titles, read in the JSX (so they are tracked: reading them suspends). */
const titles = (posts: () => readonly Post[] | undefined) => <For each={posts()}>{(post) => <span>{post.title};</span>}</For>;

describe("read hooks under <Suspense>", () => {
  const cases: Array<[string, (collection: string) => JSX.Element]> = [
    [
      "useCollection",
      (c) => {
        const list = useCollection<Post>(c, () => ({ sort: "title" }));
        return titles(() => list.data?.items);
      },
    ],
    [
      "useFullCollection",
      (c) => {
        const list = useFullCollection<Post>(c, () => ({ sort: "title" }));
        return titles(() => list.data);
      },
    ],
    [
      "useInfiniteCollection",
      (c) => {
        const list = useInfiniteCollection<Post>(c, () => ({ sort: "title" }));
        return titles(() => list.data?.pages.flatMap((p) => p.items));
      },
    ],
  ];

  it.each(cases)("%s shows the fallback until the list is in, then the records", async (_name, view) => {
    const collection = await freshCollection();
    await seed(collection, [{ title: "a" }, { title: "b" }]);
    const held = holdNext("GET", `/api/collections/${collection}/records`);
    const { text, unmount } = renderInBoundaries(() => view(collection));
    await held.started;
    expect(text()).toBe("loading");
    held.release();
    await waitFor(() => text() === "a;b;", { message: "the records" }).catch((e) => { throw new Error(`${e.message}: shows "${text()}"`); });
    unmount();
  });

  it("useRecord shows the fallback until the record is in, then the record", async () => {
    const collection = await freshCollection();
    const [post] = await seed<Post>(collection, [{ title: "one" }]);
    const held = holdNext("GET", `/api/collections/${collection}/records/${post!.id}`);
    const { text, unmount } = renderInBoundaries(() => {
      const record = useRecord<Post>(collection, post!.id);
      return <h1>{record.data?.title}</h1>;
    });
    await held.started;
    expect(text()).toBe("loading");
    held.release();
    await waitFor(() => text() === "one", { message: "the record" });
    unmount();
  });
});

describe("read hooks under <ErrorBoundary> with throwOnError", () => {
  it("a missing record renders the boundary's fallback with the 404", async () => {
    const collection = await freshCollection();
    const { text, unmount } = renderInBoundaries(() => {
      const record = useRecord<Post>(collection, "missing0000000a", () => ({ throwOnError: true }));
      return <h1>{record.data?.title}</h1>;
    });
    await waitFor(() => text() === "failed: 404", { message: "the fallback" }).catch((e) => { throw new Error(`${e.message}: shows "${text()}"`); });
    unmount();
  });

  it.each([
    [
      "useCollection",
      () => {
        const list = useCollection<Post>("secrets", () => ({ throwOnError: true }));
        return titles(() => list.data?.items);
      },
    ],
    [
      "useFullCollection",
      () => {
        const list = useFullCollection<Post>("secrets", () => ({ throwOnError: true }));
        return titles(() => list.data);
      },
    ],
    [
      "useInfiniteCollection",
      () => {
        const list = useInfiniteCollection<Post>("secrets", () => ({ throwOnError: true }));
        return titles(() => list.data?.pages.flatMap((p) => p.items));
      },
    ],
  ] as const)("%s of a collection a guest may not list renders the boundary's fallback with the 403", async (_name, view) => {
    const { text, unmount } = renderInBoundaries(view);
    await waitFor(() => text() === "failed: 403", { message: "the boundary's fallback" });
    unmount();
  });
});
