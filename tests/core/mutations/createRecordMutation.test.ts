import { MutationObserver, QueryClient } from "@tanstack/solid-query";
import { bypass, http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { pocketbaseKeys } from "../../../src/core/keys/pocketbaseKeys";
import { composeMutationOptions } from "../../../src/core/mutations/composeMutationOptions";
import { createRecordMutation } from "../../../src/core/mutations/createRecordMutation";
import { pendingWrites } from "../../../src/core/optimistic/pendingWrites";
import { server } from "../../helpers/msw";
import { freshCollection, newClient, pbUrl, superuserClient } from "../../helpers/pocketbase";

describe("createRecordMutation", () => {
  it("retries a create whose answer was lost with the same id: it cannot become two records, and it is done", async () => {
    const collection = await freshCollection();
    let created = false;
    // The record is created, but the answer never reaches the client.
    server.use(
      http.post(
        `${pbUrl()}/api/collections/${collection}/records`,
        async ({ request }) => {
          created = (await fetch(bypass(request))).ok;
          return HttpResponse.error();
        },
        { once: true },
      ),
    );
    const pb = newClient();
    const queryClient = new QueryClient();
    const steps = createRecordMutation(pb, queryClient, collection, {});
    const options = composeMutationOptions(queryClient, collection, steps, { retry: 1, retryDelay: 0 });
    const observer = new MutationObserver(queryClient, options);

    const answer = await observer.mutate({ title: "once" });
    expect(created).toBe(true);
    // The retry sent the same id; the server refused a second record with it, so the record is
    // the first attempt's, and the create is done with it.
    expect(answer).toMatchObject({ id: observer.getCurrentResult().context?.ours.id, title: "once" });
    const stored = await (await superuserClient()).collection(collection).getFullList();
    expect(stored.map((record) => [record.id, record.title])).toEqual([[observer.getCurrentResult().context?.ours.id, "once"]]);
  });

  it("shows files by their names in the optimistic record until the server answers", () => {
    const queryClient = new QueryClient();
    // The request never answers: what shows is the optimistic record.
    const steps = { ...createRecordMutation(newClient(), queryClient, "posts", {}), mutationFn: () => new Promise<never>(() => {}) };
    const observer = new MutationObserver(queryClient, composeMutationOptions(queryClient, "posts", steps, {}));
    void observer.mutate({
      title: "with files",
      cover: new File(["x"], "cover.png"),
      gallery: [new File(["y"], "a.png"), "kept.png"],
    });
    // onMutate is synchronous and returns the write; composeMutationOptions puts it in the cache.
    const write = pendingWrites.of(queryClient, "posts")[0];
    const id = write?.type === "create" ? write.record.id : "";
    expect(queryClient.getQueryData(pocketbaseKeys.detail("posts", id))).toMatchObject({
      id,
      title: "with files",
      cover: "cover.png",
      gallery: ["a.png", "kept.png"],
    });
  });
});
