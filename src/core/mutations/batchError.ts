import { ClientResponseError } from "pocketbase";
import { batchOperation } from "./batchOperation";
import type { BatchFailure, BatchOperation } from "./batchTypes";

/**
 * A refused batch's error, said so that the app's user and developer know what to do, and the
 * failing operation PocketBase names ("Batch transaction failed.", `data.requests.<index>`):
 * - that operation: its number, collection, kind and the server's message, its field errors
 *   at `response.data` and the whole at `response.failed`;
 * - a 403 of a server with batches off: how to turn them on;
 * - a 400 about the batch itself: its limit may be lower than `useBatch`'s `maxRequests`.
 * Anything else is returned as it is.
 *
 * Tested by tests/useBatch.test.tsx, tests/useBatch.errors.test.tsx (operation 3 named, batches
 * off, a lower limit).
 * @param error - What the SDK's `batch.send()` threw.
 * @param operations - The batch's operations.
 * @returns The failing operation, if the server named one, and the error to throw.
 * @internal
 */
export function batchError(error: unknown, operations: BatchOperation[]): { failed?: BatchFailure; error: unknown } {
  const failed = failureOf(error, operations);
  if (!(error instanceof ClientResponseError)) return { failed, error };
  const prefix = "solid-query-pocketbase: ";
  const kept = " The server applied none of the batch; the variables are kept.";
  let message: string | undefined;
  let response: Record<string, unknown> = {};
  if (error.status === 403 && /batch/i.test(error.message)) {
    message =
      `${prefix}this PocketBase does not take batch requests (403 "${error.message}"): batches are off by default. ` +
      "A superuser turns them on in the dashboard (Settings, Application, Batch API) or in a migration (settings.batch.enabled = true)." +
      kept;
  } else if (failed) {
    const id = failed.kind === "update" || failed.kind === "delete" ? batchOperation.id(operations[failed.index]!) : undefined;
    const what = `${failed.kind} in "${failed.collection}"${failed.kind === "create" ? "" : ` of ${id ? `"${id}"` : "the record"}`}`;
    message = `${prefix}batch operation ${failed.number} of ${operations.length} (${what}) failed with ${failed.status}: ${failed.message}${kept}`;
    response = { data: failed.data, failed, requests: error.response.data?.requests };
  } else if (error.status === 400 && error.response.data?.requests) {
    message =
      `${prefix}the server refused the batch of ${operations.length} operations: ${error.response.data.requests.message ?? error.message} ` +
      "Its batch limit (maxRequests) may be lower than useBatch's maxRequests: pass the server's." +
      kept;
  }
  if (!message) return { failed, error };
  const explained = new ClientResponseError({ url: error.url, status: error.status, response: { ...error.response, ...response, message }, originalError: error });
  return { failed, error: explained };
}

/** The failing operation named in PocketBase's answer, if any. */
function failureOf(error: unknown, operations: BatchOperation[]): BatchFailure | undefined {
  const requests = (error as ClientResponseError).response?.data?.requests as Record<string, unknown> | undefined;
  if (typeof requests !== "object" || requests === null) return undefined;
  for (const [key, value] of Object.entries(requests)) {
    const index = Number(key);
    const operation = operations[index];
    const answer = (value as { response?: { status?: number; message?: string; data?: BatchFailure["data"] } } | null)?.response;
    if (!operation || !answer) continue;
    return {
      index,
      number: index + 1,
      collection: operation.collection,
      kind: "create" in operation ? "create" : "update" in operation ? "update" : "upsert" in operation ? "upsert" : "delete",
      status: answer.status ?? 400,
      message: answer.message ?? "",
      data: answer.data ?? {},
    };
  }
  return undefined;
}
