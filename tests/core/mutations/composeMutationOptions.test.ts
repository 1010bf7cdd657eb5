import { MutationObserver, QueryClient, QueryObserver } from "@tanstack/solid-query";
import { ClientResponseError } from "pocketbase";
import { describe, expect, it, vi } from "vitest";
import { sharePatchedData } from "../../../src/core/cache/sharePatchedData";
import { pocketbaseKeys } from "../../../src/core/keys/pocketbaseKeys";
import {
  composeMutationOptions,
  type MutationSteps,
  type UserMutationCallbacks,
} from "../../../src/core/mutations/composeMutationOptions";
import { pendingWrites, type PendingWrite } from "../../../src/core/optimistic/pendingWrites";
import { waitFor } from "../../helpers/pocketbase";
import { at, post, type Post } from "../../helpers/records";

type Ours = { id: string; write?: PendingWrite };
type Vars = { title: string };

const VARS: Vars = { title: "t" };
const OURS: Ours = { id: "a", write: { type: "update", id: "a", fields: { title: "optimistic", updated: at(1) } } };

const full = pocketbaseKeys.fullList<Post>("posts");
const SERVER = [post("a"), post("b")];
const OPTIMISTIC = [post("a", { title: "optimistic", updated: at(1) }), post("b")];

/** An error as the SDK throws it for an HTTP answer with `status` (0: no answer). */
const httpError = (status: number) =>
  new ClientResponseError({ status, response: { status, message: `status ${status}`, data: {} } });

/** A QueryClient holding the server's list of "posts" (the same array object as SERVER). */
function seeded(options?: ConstructorParameters<typeof QueryClient>[0]): QueryClient {
  const queryClient = new QueryClient(options);
  // As on the library's own queries: a view reaches the cache as the very object written.
  queryClient.setQueryDefaults(pocketbaseKeys.all(), { structuralSharing: sharePatchedData });
  queryClient.setQueryData(full, SERVER);
  return queryClient;
}

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
    ...overrides,
  };
}

type User = UserMutationCallbacks<string, Vars, unknown> & Record<string, unknown>;

/** Runs a composed mutation once through TanStack's MutationObserver; never throws. */
async function run(ours: MutationSteps<string, Vars, Ours>, user: User, queryClient = seeded()) {
  const observer = new MutationObserver(queryClient, composeMutationOptions(queryClient, "posts", ours, user));
  const outcome = await observer.mutate(VARS).then(
    (data) => ({ data, error: undefined }),
    (error: unknown) => ({ data: undefined, error }),
  );
  return { ...outcome, result: observer.getCurrentResult() };
}

/** A promise the test settles by hand. */
function held<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe("composeMutationOptions", () => {
  it("runs each of our callbacks before the user's, and gives the user's callbacks their own onMutate result", async () => {
    for (const outcome of ["success", "error"] as const) {
      const log: string[] = [];
      const failure = httpError(400);
      const queryClient = seeded();
      const shown = () => (queryClient.getQueryData(full) === SERVER ? "server" : "optimistic");
      const ours = steps(log, {
        mutationFn: vi.fn(async () => {
          log.push("mutationFn");
          if (outcome === "error") throw failure;
          return "answer";
        }),
        identity: () => "users/alice",
      });
      const user = {
        onMutate: vi.fn(() => (log.push(`user.onMutate sees ${shown()}`), { mine: 42 })),
        onSuccess: vi.fn(() => void log.push("user.onSuccess")),
        onError: vi.fn(() => void log.push(`user.onError sees ${shown()}`)),
        onSettled: vi.fn(() => void log.push("user.onSettled")),
      };
      const { result } = await run(ours, user, queryClient);

      // The user's onMutate sees the optimistic cache, the user's onError sees it rolled back.
      const last = outcome === "success" ? ["ours.onSuccess", "user.onSuccess"] : ["user.onError sees server"];
      expect(log).toEqual(["ours.onMutate", "user.onMutate sees optimistic", "mutationFn", ...last, "user.onSettled"]);
      if (outcome === "success") {
        expect(ours.onSuccess).toHaveBeenCalledWith("answer", VARS, OURS, true);
        expect(user.onSuccess).toHaveBeenCalledWith("answer", VARS, { mine: 42 }, expect.anything());
        expect(user.onSettled).toHaveBeenCalledWith("answer", null, VARS, { mine: 42 }, expect.anything());
      } else {
        expect(ours.onSuccess).not.toHaveBeenCalled();
        expect(user.onError).toHaveBeenCalledWith(failure, VARS, { mine: 42 }, expect.anything());
        expect(user.onSettled).toHaveBeenCalledWith(undefined, failure, VARS, { mine: 42 }, expect.anything());
      }
      expect(result.context).toEqual({ ours: OURS, user: { mine: 42 }, identity: "users/alice" });
    }
  });

  it("writes the optimistic change into the cache in the same task as mutate(), and keeps it pending in the MutationCache", async () => {
    const queryClient = seeded();
    const answer = held<string>();
    const observer = new MutationObserver(
      queryClient,
      composeMutationOptions(queryClient, "posts", steps([], { mutationFn: () => answer.promise }), {}),
    );
    const done = observer.mutate(VARS);
    expect(queryClient.getQueryData(full)).toEqual(OPTIMISTIC); // nothing awaited before the write
    await waitFor(() => observer.getCurrentResult().context, { message: "onMutate done" });
    expect(pendingWrites.of(queryClient, "posts")).toEqual([OURS.write]);
    answer.resolve("answer");
    await done;
    expect(pendingWrites.of(queryClient, "posts")).toEqual([]);
  });

  it("withdraws our write when the user's onMutate throws, and sends nothing", async () => {
    const log: string[] = [];
    const ours = steps(log);
    const refused = new Error("the app said no");
    const queryClient = seeded();
    const user = {
      onMutate: () => {
        throw refused;
      },
    };
    const { error } = await run(ours, user, queryClient);
    expect(error).toBe(refused);
    expect(ours.mutationFn).not.toHaveBeenCalled();
    // TanStack itself gives onError no context when onMutate throws: the write is withdrawn before.
    expect(queryClient.getQueryData(full)).toBe(SERVER);
    expect(pendingWrites.of(queryClient, "posts")).toEqual([]);
  });

  it("does not send a mutation whose signed-in user changed during onMutate, withdraws its write, and fails saying so", async () => {
    let who = "users/alice";
    const log: string[] = [];
    const ours = steps(log, { identity: () => who });
    const queryClient = seeded();
    const user = {
      onMutate: async () => {
        who = "users/bob"; // e.g. a login that lands while the app's onMutate awaits
      },
      onError: vi.fn(),
    };
    const { error, result } = await run(ours, user, queryClient);

    expect(ours.mutationFn).not.toHaveBeenCalled();
    expect(error).toBeInstanceOf(ClientResponseError);
    expect((error as ClientResponseError).status).toBe(0);
    expect((error as ClientResponseError).message).toMatch(/signed-in user changed before this mutation on "posts" was sent/);
    expect(queryClient.getQueryData(full)).toBe(SERVER);
    expect(pendingWrites.of(queryClient, "posts")).toEqual([]);
    // The variables stay for a retry.
    expect(user.onError).toHaveBeenCalledWith(error, VARS, undefined, expect.anything());
    expect(result.variables).toEqual(VARS);
  });

  it("tells our onSuccess not to write, and touches no cache on failure, when the user changed after the mutation was sent", async () => {
    for (const outcome of ["success", "error"] as const) {
      let who = "users/alice";
      const queryClient = seeded();
      let shownWhenSent: unknown;
      const ours = steps([], {
        mutationFn: async () => {
          shownWhenSent = queryClient.getQueryData(full);
          who = "users/bob";
          if (outcome === "error") throw httpError(500);
          return "answer";
        },
        identity: () => who,
      });
      await run(ours, {}, queryClient);
      if (outcome === "success") expect(ours.onSuccess).toHaveBeenCalledWith("answer", VARS, OURS, false);
      // The cache is the next user's now: clearing it is the provider's job, not this mutation's.
      else expect(queryClient.getQueryData(full)).toBe(shownWhenSent);
    }
  });

  it("on failure recomputes the view without the write, keeping the other pending writes", async () => {
    const queryClient = seeded();
    const rename = held<string>();
    const count = held<string>();
    const mutate = (write: PendingWrite, answer: Promise<string>) => {
      const ours = steps([], { onMutate: () => ({ id: "a", write }), mutationFn: () => answer });
      const observer = new MutationObserver(queryClient, composeMutationOptions(queryClient, "posts", ours, {}));
      return observer.mutate({ title: "t" }).catch(() => undefined);
    };
    const renamed = mutate({ type: "update", id: "a", fields: { title: "z", updated: at(1) } }, rename.promise);
    const counted = mutate({ type: "update", id: "a", fields: { views: 2, updated: at(2) } }, count.promise);
    expect(queryClient.getQueryData(full)).toEqual([post("a", { title: "z", views: 2, updated: at(2) }), post("b")]);
    rename.reject(httpError(500));
    await renamed;
    expect(queryClient.getQueryData(full)).toEqual([post("a", { views: 2, updated: at(2) }), post("b")]);
    count.reject(httpError(500));
    await counted;
    expect(queryClient.getQueryData(full)).toBe(SERVER);
  });

  it("stays pending until the invalidation's refetch has landed, then runs the user's onSettled", async () => {
    const queryClient = seeded();
    const onServer = [post("a", { title: "from the server" })];
    let refetch: ReturnType<typeof held<Post[]>> | undefined;
    const list = new QueryObserver(queryClient, {
      queryKey: full,
      queryFn: () => (refetch = held<Post[]>()).promise,
      staleTime: Infinity,
    });
    const unsubscribe = list.subscribe(() => undefined);
    const log: string[] = [];
    const user = { onSettled: () => void log.push(`user.onSettled sees ${queryClient.getQueryData(full)?.[0]?.title}`) };
    const observer = new MutationObserver(queryClient, composeMutationOptions(queryClient, "posts", steps(log), user));
    const done = observer.mutate(VARS);
    await waitFor(() => refetch, { message: "the collection refetches" });
    expect(observer.getCurrentResult().isPending).toBe(true);
    expect(log).not.toContain("user.onSettled sees from the server");
    refetch!.resolve(onServer);
    await done;
    expect(observer.getCurrentResult().isSuccess).toBe(true);
    expect(log.at(-1)).toBe("user.onSettled sees from the server");
    unsubscribe();
  });

  it("runs under the mutation key pocketbaseKeys.mutation(collection, kind), whatever key the user passes", async () => {
    const queryClient = seeded();
    let release!: () => void;
    const answer = new Promise<void>((resolve) => (release = resolve));
    let started = false;
    const ours = steps([], { mutationFn: () => ((started = true), answer.then(() => "answer")) });
    const done = run(ours, { mutationKey: ["mine"], meta: { kept: true } }, queryClient);
    await waitFor(() => started, { message: "sent" });
    expect(queryClient.isMutating({ mutationKey: pocketbaseKeys.mutation("posts", "update"), exact: true })).toBe(1);
    expect(queryClient.isMutating({ mutationKey: pocketbaseKeys.collection("posts") })).toBe(1); // by prefix
    expect(queryClient.getMutationCache().getAll()[0]?.options.meta).toEqual({ kept: true });
    release();
    await done;
  });

  it("never retries a 4xx, while a 5xx follows the QueryClient's retry default", async () => {
    const queryClient = seeded({ defaultOptions: { mutations: { retry: 2, retryDelay: 0 } } });
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
