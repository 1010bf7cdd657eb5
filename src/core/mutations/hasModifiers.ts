/**
 * Whether write data uses PocketBase's modifiers (`views+`, `tags-`, `+tags`): such a write may
 * not be sent again when an earlier attempt may have been applied, since it would count twice.
 *
 * Tested by tests/sentAgain.test.tsx, tests/useBatch.errors.test.tsx.
 * @internal
 */
export function hasModifiers(data: Record<string, unknown> | FormData): boolean {
  const keys = data instanceof FormData ? [...data.keys()] : Object.keys(data); // FormData: a global in browsers and Node
  return keys.some((key) => /^\+\w|\w[+-]$/.test(key));
}
