type Mutating = { mutate: (...args: never[]) => unknown; mutateAsync: (...args: never[]) => unknown };

/**
 * A mutation result whose `mutate` and `mutateAsync` take variables with secrets in them and hand
 * TanStack what `hide` makes of them: a copy without the secrets, which wait elsewhere (see
 * `secretVariables`, and `passwordVariables` of the record mutations). A Proxy, so that every
 * other field stays the reactive field of the framework's own result. `reset`, when given, runs
 * before the result's own `reset()` (the OAuth2 hook cancels its sign-in there).
 *
 * Tested by tests/useAuthWithPassword.test.tsx.
 * @internal
 */
export function hideSecrets<R extends Mutating>(result: R, hide: (variables: object) => object, reset?: () => void): R {
  // Made once, so that `result.mutate === result.mutate` as on the framework's own result; each
  // calls the result's current function.
  const call = (key: PropertyKey, ...args: unknown[]) => (Reflect.get(result, key) as (...args: unknown[]) => unknown)(...args);
  const wrappers: Record<PropertyKey, unknown> = {
    mutate: (variables: object, options?: unknown) => call("mutate", hide(variables), options),
    mutateAsync: (variables: object, options?: unknown) => call("mutateAsync", hide(variables), options),
    ...(reset && {
      reset: () => {
        reset();
        call("reset");
      },
    }),
  };
  return new Proxy(result, {
    get: (target, key, receiver) => (Object.hasOwn(wrappers, key) ? wrappers[key] : Reflect.get(target, key, receiver)),
  });
}
