import { MutationObserver, QueryClient } from "@tanstack/solid-query";
import { ClientResponseError } from "pocketbase";
import { describe, expect, it, vi } from "vitest";
import { pocketbaseKeys } from "../../../src/core/keys/pocketbaseKeys";
import {
  composeMutationOptions,
  type MutationSteps,
  type UserMutationCallbacks,
} from "../../../src/core/mutations/composeMutationOptions";
import { waitFor } from "../../helpers/pocketbase";

type Ours = { snapshot: string };
type Vars = { title: string };

const VARS: Vars = { title: "t" };
const OURS: Ours = { snapshot: "before" };

/** An error as the SDK throws it for an HTTP answer with `status` (0: no answer). */
const httpError = (status: number) =>
  new ClientResponseError({ status, response: { status, message: `status ${status}`, data: {} } });

/** Steps that log each call into `log`; `overrides` replace single steps. */
function steps(log: string[], overrides: Partial<MutationSteps<string, Vars, Ours>> = {}): MutationSteps<string, Vars, Ours> {
  return {
    kind: "update",
    mutationFn: vi.fn(async () => {
      log.push("mutationFn");
      return "answer";
    }),
    onMutate: vi.fn(() => {
      log.push("ours.onMutate");
      return OURS;
    }),
    onSuccess: vi.fn(() => void log.push("ours.onSuccess")),
    onError: vi.fn(() => void log.push("ours.onError")),
    onSettled: vi.fn(() => void log.push("ours.onSettled")),
    ...overrides,
  };
}

type User = UserMutationCallbacks<string, Vars, unknown> & Record<string, unknown>;

/** Runs a composed mutation once through TanStack's MutationObserver; never throws. */
async function run(ours: MutationSteps<string, Vars, Ours>, user: User, queryClient = new QueryClient()) {
  const observer = new MutationObserver(queryClient, composeMutationOptions(queryClient, "posts", ours, user));
  const outcome = await observer.mutate(VARS).then(
    (data) => ({ data, error: undefined }),
    (error: unknown) => ({ data: undefined, error }),
  );
  return { ...outcome, result: observer.getCurrentResult() };
}

describe("composeMutationOptions", () => {
  it("runs each of our callbacks before the user's, and gives the user's callbacks their own onMutate result", async () => {
    for (const outcome of ["success", "error"] as const) {
      const log: string[] = [];
      const failure = httpError(400);
      const ours = steps(log, {
        mutationFn: vi.fn(async () => {
          log.push("mutationFn");
          if (outcome === "error") throw failure;
          return "answer";
        }),
        identity: () => "users/alice",
      });
      const user = {
        onMutate: vi.fn(() => (log.push("user.onMutate"), { mine: 42 })),
        onSuccess: vi.fn(() => void log.push("user.onSuccess")),
        onError: vi.fn(() => void log.push("user.onError")),
        onSettled: vi.fn(() => void log.push("user.onSettled")),
      };
      const { result } = await run(ours, user);

      const last = outcome === "success" ? ["ours.onSuccess", "user.onSuccess"] : ["ours.onError", "user.onError"];
      expect(log).toEqual(["ours.onMutate", "user.onMutate", "mutationFn", ...last, "ours.onSettled", "user.onSettled"]);
      if (outcome === "success") {
        expect(ours.onSuccess).toHaveBeenCalledWith("answer", VARS, OURS, true);
        expect(user.onSuccess).toHaveBeenCalledWith("answer", VARS, { mine: 42 }, expect.anything());
        expect(user.onSettled).toHaveBeenCalledWith("answer", null, VARS, { mine: 42 }, expect.anything());
      } else {
        expect(ours.onError).toHaveBeenCalledWith(failure, VARS, OURS, true);
        expect(user.onError).toHaveBeenCalledWith(failure, VARS, { mine: 42 }, expect.anything());
        expect(user.onSettled).toHaveBeenCalledWith(undefined, failure, VARS, { mine: 42 }, expect.anything());
      }
      expect(ours.onSettled).toHaveBeenCalledWith(OURS);
      expect(result.context).toEqual({ ours: OURS, user: { mine: 42 }, identity: "users/alice" });
    }
  });

  it("undoes our onMutate when the user's onMutate throws, and sends nothing", async () => {
    const log: string[] = [];
    const ours = steps(log);
    const refused = new Error("the app said no");
    const user = {
      onMutate: () => {
        throw refused;
      },
    };
    const { error } = await run(ours, user);
    expect(error).toBe(refused);
    expect(ours.mutationFn).not.toHaveBeenCalled();
    // Our rollback gets what our onMutate remembered: TanStack itself would pass no context.
    expect(ours.onError).toHaveBeenCalledWith(refused, VARS, OURS, true);
  });

  it("does not send a mutation whose signed-in user changed during onMutate, and fails saying so", async () => {
    let who = "users/alice";
    const log: string[] = [];
    const ours = steps(log, {
      onMutate: async () => {
        who = "users/bob"; // e.g. a login that lands while our cancelQueries is awaited
        return OURS;
      },
      identity: () => who,
    });
    const user = { onError: vi.fn() };
    const { error, result } = await run(ours, user);

    expect(ours.mutationFn).not.toHaveBeenCalled();
    expect(error).toBeInstanceOf(ClientResponseError);
    expect((error as ClientResponseError).status).toBe(0);
    expect((error as ClientResponseError).message).toMatch(/signed-in user changed before this mutation on "posts" was sent/);
    // Rolled back without writing into the next user's cache; the variables stay for a retry.
    expect(ours.onError).toHaveBeenCalledWith(error, VARS, OURS, false);
    expect(user.onError).toHaveBeenCalledWith(error, VARS, undefined, expect.anything());
    expect(result.variables).toEqual(VARS);
  });

  it("tells our onSuccess and onError not to write when the user changed after the mutation was sent", async () => {
    for (const outcome of ["success", "error"] as const) {
      let who = "users/alice";
      const log: string[] = [];
      const ours = steps(log, {
        mutationFn: async () => {
          who = "users/bob";
          if (outcome === "error") throw httpError(500);
          return "answer";
        },
        identity: () => who,
      });
      await run(ours, {});
      if (outcome === "success") expect(ours.onSuccess).toHaveBeenCalledWith("answer", VARS, OURS, false);
      else expect(ours.onError).toHaveBeenCalledWith(expect.any(ClientResponseError), VARS, OURS, false);
    }
  });

  it("stays pending until our onSettled has finished, then runs the user's", async () => {
    let finish!: () => void;
    const refetched = new Promise<void>((resolve) => (finish = resolve));
    let settling = false;
    const log: string[] = [];
    const ours = steps(log, {
      onSettled: () => {
        settling = true;
        return refetched.then(() => void log.push("ours.onSettled"));
      },
    });
    const user = { onSettled: () => void log.push("user.onSettled") };
    const queryClient = new QueryClient();
    const observer = new MutationObserver(queryClient, composeMutationOptions(queryClient, "posts", ours, user));
    const done = observer.mutate(VARS);
    await waitFor(() => settling, { message: "our onSettled started" });
    expect(observer.getCurrentResult().isPending).toBe(true);
    expect(log).not.toContain("user.onSettled");
    finish();
    await done;
    expect(observer.getCurrentResult().isSuccess).toBe(true);
    expect(log.slice(-2)).toEqual(["ours.onSettled", "user.onSettled"]);
  });

  it("runs under the mutation key pocketbaseKeys.mutation(collection, kind), whatever key the user passes", async () => {
    const queryClient = new QueryClient();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let started = false;
    const ours = steps([], { mutationFn: () => ((started = true), held.then(() => "answer")) });
    const done = run(ours, { mutationKey: ["mine"], meta: { kept: true } }, queryClient);
    await waitFor(() => started, { message: "sent" });
    expect(queryClient.isMutating({ mutationKey: pocketbaseKeys.mutation("posts", "update"), exact: true })).toBe(1);
    expect(queryClient.isMutating({ mutationKey: pocketbaseKeys.collection("posts") })).toBe(1); // by prefix
    expect(queryClient.getMutationCache().getAll()[0]?.options.meta).toEqual({ kept: true });
    release();
    await done;
  });

  it("never retries a 4xx, while a 5xx follows the QueryClient's retry default", async () => {
    const queryClient = new QueryClient({ defaultOptions: { mutations: { retry: 2, retryDelay: 0 } } });
    for (const [status, calls] of [
      [400, 1],
      [404, 1],
      [503, 3],
      [0, 3],
    ] as const) {
      const mutationFn = vi.fn(async () => {
        throw httpError(status);
      });
      const { error } = await run(steps([], { mutationFn }), {}, queryClient);
      expect((error as ClientResponseError).status).toBe(status);
      expect(mutationFn, `status ${status}`).toHaveBeenCalledTimes(calls);
    }
  });
});
