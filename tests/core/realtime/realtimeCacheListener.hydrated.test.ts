// Data put into the cache after the subscription went live (a server render's queries hydrated
// late, a persisted cache restored) was read before the subscription existed: a change made in
// between is replayed by nobody, so the listener reads such data again. Against the real server.
import { dehydrate, hydrate, QueryClient, QueryObserver } from "@tanstack/solid-query";
import type { RecordModel } from "pocketbase";
import { describe, expect, it } from "vitest";
import { listQueryOptions } from "../../../src/core/queries/listQueryOptions";
import { invalidationBatcher } from "../../../src/core/realtime/invalidationBatcher";
import { realtimeCacheListener } from "../../../src/core/realtime/realtimeCacheListener";
import { freshCollection, newClient, seed, waitFor } from "../../helpers/pocketbase";

describe("realtimeCacheListener and data that arrives after the subscription is live", () => {
  it("reads a list hydrated after going live again, so a change made before the subscription shows", async () => {
    const collection = await freshCollection();
    const pb = newClient();
    const options = listQueryOptions<RecordModel>(pb, collection, { sort: "title" });
    // What a server rendered earlier: the list before the change.
    const server = new QueryClient();
    server.setQueryData(options.queryKey, { page: 1, perPage: 30, totalItems: 0, totalPages: 0, items: [] });
    await seed(collection, [{ title: "made in between" }]);

    const browser = new QueryClient();
    const cache = realtimeCacheListener(browser, { collection, flushWindowMs: 0 });
    cache.listener.onLive!(); // the subscription is live, and its invalidation done, before the query hydrates
    await invalidationBatcher(browser).flush();
    hydrate(browser, dehydrate(server));
    // As solid-query does for a query fetched on the server: no refetch on mount.
    const observer = new QueryObserver(browser, { ...options, refetchOnMount: false, staleTime: 60_000 });
    const unsubscribe = observer.subscribe(() => {});
    await waitFor(() => observer.getCurrentResult().data?.items.length === 1, { message: "the list read again" });
    unsubscribe();
    cache.release();
  });
});
