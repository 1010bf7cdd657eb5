// @vitest-environment jsdom
import { createSignal } from "solid-js";
import { describe, expect, it } from "vitest";
import { useRecord } from "../src/useRecord";
import { recordRequests } from "./helpers/msw";
import { newClient, seed, uniqueScope, waitFor } from "./helpers/pocketbase";
import { renderWithClient } from "./helpers/render";

type Post = { id: string; title: string; expand?: { author?: { name: string } } };

describe("useRecord", () => {
  it("ends in a 404 error after exactly one request for a missing id", async () => {
    const requests = recordRequests();
    const { result } = renderWithClient(() => useRecord("posts", "missing0000000a"), newClient());
    await waitFor(() => result.isError, { message: "error state" });
    expect(result.error?.status).toBe(404);
    expect(result.data).toBeUndefined();
    expect(requests.count({ method: "GET", path: "/api/collections/posts/records/:id" })).toBe(1);
    requests.stop();
  });

  it("stays idle while the id is empty, then loads the record with its expand", async () => {
    const [author] = await seed("authors", [{ name: "Grace" }]);
    const [post] = await seed("posts", [{ title: "detail", author: author!.id, scope: uniqueScope("detail") }]);
    const [id, setId] = createSignal<string | undefined>();
    const requests = recordRequests();
    const { result } = renderWithClient(() => useRecord<Post>("posts", id, () => ({ expand: "author" })), newClient());
    expect(result.fetchStatus).toBe("idle");
    expect(result.isPending).toBe(true);
    setId("");
    expect(result.fetchStatus).toBe("idle");
    expect(requests.count()).toBe(0);

    setId(post!.id);
    await waitFor(() => result.isSuccess, { message: "record loaded" });
    expect(result.data?.title).toBe("detail");
    expect(result.data?.expand?.author?.name).toBe("Grace");
    requests.stop();
  });
});
