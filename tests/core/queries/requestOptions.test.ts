import { describe, expect, it } from "vitest";
import { normalizeParams } from "../../../src/core/keys/normalizeParams";
import { requestOptions } from "../../../src/core/queries/requestOptions";
import { newClient, seed, uniqueScope } from "../../helpers/pocketbase";

describe("requestOptions", () => {
  it("sends the key's params except paging (a method argument), with requestKey null and the given signal", () => {
    const signal = new AbortController().signal;
    const params = normalizeParams(
      { filter: "a = 1", sort: "-created", expand: "author", fields: "id", page: 2, perPage: 5, skipTotal: true },
      true,
    );
    expect(requestOptions(params, signal)).toEqual({
      filter: "a = 1",
      sort: "-created",
      expand: "author",
      fields: "id",
      skipTotal: true,
      requestKey: null,
      signal,
    });
    expect(requestOptions({}, undefined)).toEqual({ requestKey: null, signal: undefined });
  });

  it("lets two reads of one collection run together on a client with the SDK's auto-cancellation on", async () => {
    const scope = uniqueScope("parallel");
    await seed("posts", [{ title: "a", scope }, { title: "b", scope }]);
    const pb = newClient(); // auto-cancellation on, as users have it
    const params = normalizeParams({ filter: `scope = "${scope}"`, sort: "title" }, false);
    const posts = pb.collection("posts");
    const [first, second] = await Promise.all([
      posts.getList(1, 1, requestOptions(params, undefined)),
      posts.getList(2, 1, requestOptions(params, undefined)),
    ]);
    expect(first.items.map((p) => p.title)).toEqual(["a"]);
    expect(second.items.map((p) => p.title)).toEqual(["b"]);
  });

  it("lets TanStack's signal abort the request", async () => {
    const controller = new AbortController();
    const request = newClient().collection("posts").getList(1, 1, requestOptions({}, controller.signal));
    controller.abort();
    await expect(request).rejects.toMatchObject({ isAbort: true });
  });
});
