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
  return new Proxy(result, {
    get(target, key, receiver) {
      if (key === "reset" && reset) {
        const own = Reflect.get(target, key, receiver) as () => void;
        return () => {
          reset();
          own();
        };
      }
      if (key === "mutate" || key === "mutateAsync") {
        const mutate = Reflect.get(target, key, receiver) as unknown as (variables: object, options?: unknown) => unknown;
        return (variables: object, options?: unknown) => mutate(hide(variables), options);
      }
      return Reflect.get(target, key, receiver);
    },
  });
}
