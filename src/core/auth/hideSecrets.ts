import { secretVariables } from "./secretVariables";

type Mutating = { mutate: (...args: never[]) => unknown; mutateAsync: (...args: never[]) => unknown };

/**
 * A mutation result whose `mutate` and `mutateAsync` take the sign-in variables with their
 * secrets and hand TanStack a copy without them (see `secretVariables`). A Proxy, so that every
 * other field stays the reactive field of the framework's own result.
 *
 * Tested by tests/useAuthWithPassword.test.tsx.
 * @internal
 */
export function hideSecrets<R extends Mutating>(result: R, keys: readonly string[]): R {
  return new Proxy(result, {
    get(target, key, receiver) {
      if (key === "mutate" || key === "mutateAsync") {
        const mutate = Reflect.get(target, key, receiver) as unknown as (variables: object, options?: unknown) => unknown;
        return (variables: object, options?: unknown) => mutate(secretVariables.hide(variables, keys as never[]), options);
      }
      return Reflect.get(target, key, receiver);
    },
  });
}
