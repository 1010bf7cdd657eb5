// What composeMutationOptions tells the ownWrites registry about a mutation, so realtime can
// tell its echo from others' changes: run through TanStack's MutationObserver, no server.
import { MutationObserver, QueryClient } from "@tanstack/solid-query";
import { ClientResponseError } from "pocketbase";
import { describe, expect, it } from "vitest";
import { ownWrites } from "../../../src/core/cache/ownWrites";
import { composeMutationOptions, type MutationSteps } from "../../../src/core/mutations/composeMutationOptions";
import { at, post } from "../../helpers/records";

const ALICE = "users/alice";
const alice = () => ALICE;

const httpError = (status: number) =>
  new ClientResponseError({ status, response: { status, message: `status ${status}`, data: {} } });

/** An update of record `a` of "posts", answered by `answer` (a function: called when sent). */
function steps(answer: () => Promise<unknown>, overrides: Partial<MutationSteps<unknown, string, null>> = {}) {
  const sent: string[] = [];
  const own: MutationSteps<unknown, string, null> = {
    mutationFn: (id) => {
      sent.push(id);
      return answer();
    },
    onMutate: () => null,
    onSuccess: () => undefined,
    onError: () => undefined,
    onSettled: () => undefined,
    identity: alice,
    writes: (id) => ({ action: "update", id }),
    ...overrides,
  };
  return { own, sent };
}

async function run(queryClient: QueryClient, own: MutationSteps<unknown, string, null>, user = {}) {
  const observer = new MutationObserver(queryClient, composeMutationOptions(queryClient, "posts", own, user));
  await observer.mutate("a").catch(() => undefined);
}

const update = (updated: string) => ({ action: "update", record: post("a", { updated }) });

describe("composeMutationOptions and ownWrites", () => {
  it("registers the write once it is sure to be sent, and keeps the answer's `updated` for its echo", async () => {
    const queryClient = new QueryClient();
    let seenInFlight: boolean | undefined;
    const { own } = steps(async () => {
      seenInFlight = ownWrites.isOwn(queryClient, alice, "posts", update(at(9)));
      return post("a", { updated: at(1) });
    });
    await run(queryClient, own);
    expect(seenInFlight).toBe(true);
    expect(ownWrites.isOwn(queryClient, alice, "posts", update(at(1)))).toBe(true);
    expect(ownWrites.isOwn(queryClient, alice, "posts", update(at(2)))).toBe(false);
  });

  it("forgets a write the server refused", async () => {
    const queryClient = new QueryClient();
    await run(queryClient, steps(() => Promise.reject(httpError(400))).own);
    expect(ownWrites.size(queryClient)).toBe(0);
  });

  it("keeps a write whose answer was lost (status 0): the server may have applied it", async () => {
    const queryClient = new QueryClient();
    await run(queryClient, steps(() => Promise.reject(httpError(0))).own);
    expect(ownWrites.size(queryClient)).toBe(1);
    expect(ownWrites.isOwn(queryClient, alice, "posts", update(at(3)))).toBe(true);
  });

  it("registers nothing for a mutation that is not sent: the user's onMutate threw, or the signed-in user changed", async () => {
    const queryClient = new QueryClient();
    const threw = steps(async () => post("a"));
    await run(queryClient, threw.own, {
      onMutate: () => {
        throw new Error("user's onMutate");
      },
    });
    let who = ALICE;
    const switched = steps(async () => post("a"), {
      identity: () => who,
      onMutate: () => {
        who = "users/bob";
        return null;
      },
    });
    await run(queryClient, switched.own);
    expect([...threw.sent, ...switched.sent]).toEqual([]);
    expect(ownWrites.size(queryClient)).toBe(0);
  });
});
