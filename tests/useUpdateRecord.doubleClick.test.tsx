// @vitest-environment jsdom
// A double click: one variables object sent twice at once. Each of the two pending updates is its
// own write, replayed until its own answer, against the real server.
import { describe, expect, it } from "vitest";
import { useRecord } from "../src/useRecord";
import { useUpdateRecord } from "../src/useUpdateRecord";
import { holdNext } from "./helpers/msw";
import { freshCollection, newClient, seed, waitFor } from "./helpers/pocketbase";
import { renderWithClient } from "./helpers/render";

type Post = { id: string; title: string; views: number };

describe("two updates of one variables object", () => {
  it("each stays shown until its own answer", async () => {
    const collection = await freshCollection();
    const [post] = await seed<Post>(collection, [{ title: "p", views: 5 }]);
    const { result, queryClient, cleanup } = renderWithClient(
      () => ({ detail: useRecord<Post>(collection, post!.id), update: useUpdateRecord<Post>(collection) }),
      newClient(),
    );
    await waitFor(() => result.detail.isSuccess, { message: "loaded" });
    const variables = { id: post!.id, data: { "views+": 1 } };
    // msw tries the handler added last first: the first request is held by `earlierHold`.
    const laterHold = holdNext("PATCH", `/api/collections/${collection}/records/:id`);
    const earlierHold = holdNext("PATCH", `/api/collections/${collection}/records/:id`);
    result.update.mutate(variables);
    result.update.mutate(variables);
    await Promise.all([earlierHold.started, laterHold.started]);
    expect(result.detail.data?.views).toBe(7);
    earlierHold.release();
    await waitFor(() => queryClient.getMutationCache().findAll({ status: "success" }).length === 1, { message: "the first answered" });
    expect(result.detail.data?.views).toBe(7); // the second's +1 still shows
    laterHold.release();
    await waitFor(() => queryClient.getMutationCache().findAll({ status: "success" }).length === 2 && !queryClient.isFetching(), { message: "both answered" });
    expect(result.detail.data?.views).toBe(7);
    cleanup();
  });
});
