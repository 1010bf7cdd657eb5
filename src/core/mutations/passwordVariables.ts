import { secretVariables } from "../auth/secretVariables";
import { withoutPasswords } from "./withoutPasswords";

type Fields = Record<string, unknown>;

/**
 * The password fields of a create or update of an auth record (`password`, `passwordConfirm`,
 * `oldPassword`), kept out of the variables TanStack keeps: its mutation cache holds them after
 * the mutation settles, and a persister writes them to storage. `useCreateRecord` and
 * `useUpdateRecord` hand TanStack a copy without them (only when there are any: other variables
 * pass as they are, so a create retried with the same object keeps its id); they wait beside the
 * copy in `secretVariables`, as a sign-in's password does, the request gets them back (`reveal`),
 * and they are dropped when the mutation settles (`forget`). A sign-up retried by calling
 * `mutate()` again with the same object gets a new copy, and so a new id: the server's unique
 * email refuses the second account.
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
    const hidden = secretVariables.hide(fields, Object.keys(fields).filter((key) => !(key in without)));
    return (at === "data" ? { ...variables, data: hidden } : hidden) as V;
  },

  /** The record fields to send: with the password fields `hide` kept aside, if it kept any. */
  reveal<F extends object>(fields: F): F {
    return secretVariables.keeps(fields) ? secretVariables.reveal<F>(fields) : fields;
  },

  /** Drops what `hide` kept for `variables` (the mutation settled). */
  forget(variables: unknown): void {
    secretVariables.forget(variables);
    secretVariables.forget((variables as { data?: unknown } | null | undefined)?.data);
  },
};
