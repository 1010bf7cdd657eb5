import type { BatchOperation } from "./batchTypes";
import type { UpdateVariables } from "./updateRecordMutation";
import { unsentError } from "./unsentError";
import { withoutPasswords } from "./withoutPasswords";

/**
 * A batch's operations checked before anything is shown or sent: a non-empty list, no longer
 * than the server takes (`maxRequests`), each operation of one known shape with plain fields,
 * none setting a password (a batch's operations stay in TanStack's cache, and in storage when it
 * is persisted; the single-record hooks keep passwords out of both).
 *
 * Tested by tests/useBatch.errors.test.tsx (the limit, a malformed operation, a password).
 * @throws ClientResponseError with status 0 and `response.outcome: "not sent"`, saying what is wrong.
 * @internal
 */
export function checkBatch(operations: BatchOperation[], maxRequests: number): void {
  if (!Array.isArray(operations) || operations.length === 0) {
    throw unsentError("not sent", 'a batch is a non-empty list of operations, such as [{ collection: "posts", create: { title } }].');
  }
  if (operations.length > maxRequests) {
    throw unsentError(
      "not sent",
      `this batch has ${operations.length} operations, more than the ${maxRequests} the server takes in one batch ` +
        "(its batch setting maxRequests, 50 by default). Split it, or raise the server's limit and pass it as useBatch's maxRequests. Nothing was sent.",
    );
  }
  operations.forEach((operation, index) => {
    // Unknown input: read by shape, not trusted to be a BatchOperation yet.
    const kinds = (["create", "update", "upsert", "delete"] as const).filter((kind) => typeof operation === "object" && operation !== null && kind in operation);
    const value = kinds.length === 1 ? (operation as unknown as Record<string, unknown>)[kinds[0]!] : undefined;
    const valid =
      kinds.length === 1 &&
      typeof operation.collection === "string" &&
      operation.collection !== "" &&
      (kinds[0] === "delete"
        ? typeof value === "string" && value !== ""
        : kinds[0] === "update"
          ? typeof (value as UpdateVariables | undefined)?.id === "string" && typeof (value as UpdateVariables).data === "object"
          : typeof value === "object" && value !== null && !(value instanceof FormData));
    if (!valid) {
      throw unsentError(
        "not sent",
        `operation ${index + 1} is not one of { collection, create: fields }, { collection, update: { id, data } }, ` +
          "{ collection, upsert: fields }, { collection, delete: id } (fields as a plain object; files as File values in it). Nothing was sent.",
      );
    }
    const fields = (kinds[0] === "update" ? (value as UpdateVariables).data : value) as Record<string, unknown>;
    if (kinds[0] !== "delete" && withoutPasswords(fields) !== fields) {
      throw unsentError(
        "not sent",
        `operation ${index + 1} sets a password. A batch's operations stay in TanStack's cache (and in storage, when it is persisted): ` +
          "set passwords with useCreateRecord or useUpdateRecord, which never keep them. Nothing was sent.",
      );
    }
  });
}
