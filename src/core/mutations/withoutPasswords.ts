// PocketBase never sends an auth record's password fields back, and the cache must never hold
// them: what a create or an update of an auth record shows before the server answers leaves them
// out. Tested by tests/useCreateRecord.passwords.test.tsx.

/** The write-only fields of an auth record. */
const PASSWORD_FIELDS = ["password", "passwordConfirm", "oldPassword"];

/**
 * `fields` without the password fields (the same object when it has none).
 * @internal
 */
export function withoutPasswords<T extends Record<string, unknown>>(fields: T): T {
  if (!PASSWORD_FIELDS.some((field) => field in fields)) return fields;
  const out: Record<string, unknown> = { ...fields };
  for (const field of PASSWORD_FIELDS) delete out[field];
  return out as T;
}
