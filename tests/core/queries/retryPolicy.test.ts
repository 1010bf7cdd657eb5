import { QueryClient } from "@tanstack/solid-query";
import { ClientResponseError } from "pocketbase";
import { describe, expect, it } from "vitest";
import { retryPolicy } from "../../../src/core/queries/retryPolicy";

/** An error as the SDK throws it for an HTTP answer with `status` (0: no answer). */
const httpError = (status: number) =>
  new ClientResponseError({ status, response: { status, message: `status ${status}`, data: {} } });

/** Whether `retry` asks again after each of the first `upTo` failures. */
const decisions = (retry: (count: number, error: Error) => boolean, error: Error, upTo = 5) =>
  Array.from({ length: upTo }, (_, count) => retry(count, error));

describe("retryPolicy", () => {
  it("never retries a PocketBase 4xx, whatever the QueryClient's policy", () => {
    const eager = new QueryClient({ defaultOptions: { queries: { retry: true }, mutations: { retry: () => true } } });
    for (const status of [400, 401, 403, 404, 429, 499]) {
      for (const kind of ["queries", "mutations"] as const) {
        expect(decisions(retryPolicy(eager, kind), httpError(status)), `${kind}, ${status}`).toEqual([false, false, false, false, false]);
      }
    }
  });

  it("retries other errors as TanStack does by default: queries three times, mutations never", () => {
    const client = new QueryClient();
    for (const error of [httpError(500), httpError(503), httpError(0), new Error("offline")]) {
      expect(decisions(retryPolicy(client, "queries"), error)).toEqual([true, true, true, false, false]);
      expect(decisions(retryPolicy(client, "mutations"), error)).toEqual([false, false, false, false, false]);
    }
  });

  it("follows the QueryClient's own retry option for other errors: a count, a boolean or a function", () => {
    const error = httpError(502);
    const count = new QueryClient({ defaultOptions: { queries: { retry: 1 }, mutations: { retry: 2 } } });
    expect(decisions(retryPolicy(count, "queries"), error)).toEqual([true, false, false, false, false]);
    expect(decisions(retryPolicy(count, "mutations"), error)).toEqual([true, true, false, false, false]);

    const always = new QueryClient({ defaultOptions: { queries: { retry: true }, mutations: { retry: false } } });
    expect(decisions(retryPolicy(always, "queries"), error)).toEqual([true, true, true, true, true]);
    expect(decisions(retryPolicy(always, "mutations"), error)).toEqual([false, false, false, false, false]);

    const seen: Array<[number, Error]> = [];
    const custom = new QueryClient({
      defaultOptions: { queries: { retry: (failureCount, cause) => (seen.push([failureCount, cause]), failureCount < 2) } },
    });
    expect(decisions(retryPolicy(custom, "queries"), error, 3)).toEqual([true, true, false]);
    expect(seen).toEqual([
      [0, error],
      [1, error],
      [2, error],
    ]);
  });
});
