// @vitest-environment jsdom
import { describe, expect, it, vi } from "vitest";
import { pocketbaseKeys } from "../../../src/core/keys/pocketbaseKeys";
import { useCollection } from "../../../src/useCollection";
import { useRealtimeCollection } from "../../../src/useRealtimeCollection";
import { useRecord } from "../../../src/useRecord";
import { freshCollection, newClient, seed, superuserClient, waitFor } from "../../helpers/pocketbase";
import { realtimeSettled } from "../../helpers/realtime";
import { renderWithClient } from "../../helpers/render";

type Post = { id: string; title: string };

describe('useRealtimeCollection with strategy: "invalidate" (the seed semantics)', () => {
  it("makes exactly the seed's cache calls for each action and ends equal to the server", async () => {
    const collection = await freshCollection();
    const [a] = await seed<Post>(collection, [{ title: "a" }]);
    const pb = newClient();
    const { result, queryClient } = renderWithClient(
      () => {
        useRealtimeCollection(collection, () => ({ strategy: "invalidate" }));
        return {
          list: useCollection<Post>(collection, () => ({ sort: "title" })),
          detail: useRecord<Post>(collection, a!.id),
        };
      },
      pb,
    );
    await waitFor(() => result.list.isSuccess && result.detail.isSuccess, { message: "loaded" });
    await realtimeSettled(pb, queryClient);
    const invalidate = vi.spyOn(queryClient, "invalidateQueries");
    const setData = vi.spyOn(queryClient, "setQueryData");
    const remove = vi.spyOn(queryClient, "removeQueries");
    const lists = [[{ queryKey: pocketbaseKeys.lists(collection) }], [{ queryKey: pocketbaseKeys.infinites(collection) }]];
    const other = await superuserClient();

    const b = await other.collection(collection).create<Post>({ title: "b" });
    await waitFor(() => invalidate.mock.calls.length === 2, { message: "create handled" });
    expect(invalidate.mock.calls).toEqual(lists);
    expect(setData).not.toHaveBeenCalled();
    expect(remove).not.toHaveBeenCalled();
    invalidate.mockClear();

    await other.collection(collection).update(a!.id, { title: "c" });
    await waitFor(() => invalidate.mock.calls.length === 2, { message: "update handled" });
    expect(invalidate.mock.calls).toEqual(lists);
    expect(setData).toHaveBeenCalledTimes(1);
    expect(setData.mock.calls[0]?.[0]).toEqual(pocketbaseKeys.detail(collection, a!.id));
    expect(setData.mock.calls[0]?.[1]).toMatchObject({ id: a!.id, title: "c" });
    expect(remove).not.toHaveBeenCalled();
    invalidate.mockClear();
    setData.mockClear();

    await other.collection(collection).delete(b.id);
    await waitFor(() => invalidate.mock.calls.length === 2, { message: "delete handled" });
    expect(invalidate.mock.calls).toEqual(lists);
    expect(remove).toHaveBeenCalledTimes(1);
    expect(remove.mock.calls[0]?.[0]).toEqual({ queryKey: [...pocketbaseKeys.details(collection), b.id] });
    expect(setData).not.toHaveBeenCalled();

    await waitFor(() => queryClient.isFetching() === 0, { message: "refetched" });
    const server = await other.collection(collection).getList(1, 30, { sort: "title" });
    expect(JSON.parse(JSON.stringify(result.list.data))).toEqual(JSON.parse(JSON.stringify(server)));
    expect(result.detail.data?.title).toBe("c");
  });
});
