type Fields = Record<string, unknown>;

const kept = new WeakMap<object, Fields>();

/**
 * Mutation variables without their secrets. TanStack keeps a mutation's `variables` in its cache
 * for as long as the mutation is cached (and a persister writes them to storage), so a password,
 * an email code or a mailed token must never be in them: the hooks hand TanStack a copy without
 * the secrets, which wait here, beside it, until the mutation settles. The one store for the
 * sign-in hooks and for an auth record's password fields (`passwordVariables`).
 *
 * Tested by tests/core/auth/secretVariables.test.ts and tests/useAuthWithPassword.test.tsx.
 * @internal
 */
export const secretVariables = {
  /** A copy of `variables` without `keys`; their values wait beside the copy until `forget`. */
  hide<T extends object, K extends keyof T>(variables: T, keys: readonly K[]): Omit<T, K> {
    const copy: Fields = { ...(variables as Fields) };
    const secrets: Fields = {};
    for (const key of keys as readonly string[]) {
      secrets[key] = copy[key];
      delete copy[key];
    }
    kept.set(copy, secrets);
    return copy as Omit<T, K>;
  },

  /**
   * The variables with their secrets back, for the request.
   * @throws Error when the secrets are gone: the mutation settled, or the variables did not come
   *   through the hook's `mutate` (a `setMutationDefaults` replay, a restored mutation).
   */
  reveal<T extends object>(copy: object): T {
    const secrets = kept.get(copy);
    if (!secrets) {
      throw new Error(
        "solid-query-pocketbase: the sign-in's secret (password or code) is no longer kept. " +
          "Secrets never stay in TanStack's mutation cache: call mutate() again with them.",
      );
    }
    return { ...copy, ...secrets } as T;
  },

  /** Whether `copy` came from `hide` and its secrets are still kept. */
  keeps(copy: object): boolean {
    return kept.has(copy);
  },

  /** Drops the secrets of `copy` (the mutation settled). */
  forget(copy: unknown): void {
    if (typeof copy === "object" && copy !== null) kept.delete(copy);
  },
};
