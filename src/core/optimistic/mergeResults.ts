import type { ApplyRecordChangeResult } from "../cache/applyRecordChange";

/**
 * What two reducer passes of one rebase could not decide, and patched, together: the rebase
 * invalidates the union. An empty first result is the second as it is: on the event path most
 * passes decide everything, and nothing is copied for them.
 *
 * Tested by tests/core/optimistic/rebaseCollection.test.ts (the keys a rebase reports).
 * @internal
 */
export function mergeResults(a: ApplyRecordChangeResult, b: ApplyRecordChangeResult): ApplyRecordChangeResult {
  if (a.patched.length === 0 && a.undecided.length === 0) return b;
  return { patched: [...a.patched, ...b.patched], undecided: [...a.undecided, ...b.undecided] };
}
