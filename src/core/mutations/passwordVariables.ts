import { withoutPasswords } from "./withoutPasswords";

type Fields = Record<string, unknown>;

const kept = new WeakMap<object, Fields>();

/**
 * The password fields of a create or update of an auth record (`password`, `passwordConfirm`,
 * `oldPassword`), kept out of the variables TanStack keeps: its mutation cache holds them after
 * the mutation settles, and a persister writes them to storage. `useCreateRecord` and
 * `useUpdateRecord` hand TanStack a copy without them (only when there are any: other variables
 * pass as they are, so a create retried with the same object keeps its id); the request gets them
 * back (`reveal`), and they are dropped when the mutation settles (`forget`). A sign-up retried by
 * calling `mutate()` again with the same object gets a new copy, and so a new id: the server's
 * unique email refuses the second account.
 *
 * Tested by tests/useCreateRecord.passwords.test.tsx.
 * @internal
 */
export const passwordVariables = {
  /** The variables for TanStack; `at`: where the record fields are (a create's variables, an update's `data`). */
  hide<V extends object>(variables: V, at: "variables" | "data"): V {
    const fields = (at === "data" ? (variables as { data?: unknown }).data : variables) as Fields | undefined;
    if (typeof fields !== "object" || fields === null || fields instanceof FormData) return variables;
    const without = withoutPasswords(fields);
    if (without === fields) return variables;
    const copy = (at === "data" ? { ...variables, data: without } : without) as V;
    kept.set(copy, Object.fromEntries(Object.entries(fields).filter(([key]) => !(key in without))));
    return copy;
  },

  /** `fields` (of `variables`) with the password fields `hide` kept aside. */
  reveal<F>(variables: object, fields: F): F {
    const secrets = kept.get(variables);
    return secrets ? ({ ...fields, ...secrets } as F) : fields;
  },

  /** Drops what `hide` kept for `variables` (the mutation settled). */
  forget(variables: unknown): void {
    if (typeof variables === "object" && variables !== null) kept.delete(variables);
  },
};
