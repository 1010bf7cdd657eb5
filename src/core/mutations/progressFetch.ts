/**
 * Bytes of a request body sent so far, as `onUploadProgress` reports them.
 *
 * @example
 * ```ts
 * const progress: UploadProgress = { loaded: 524288, total: 2097152 }; // a quarter sent
 * ```
 */
export interface UploadProgress {
  /** Bytes sent. */
  loaded: number;
  /** Bytes to send in all (0 when the browser cannot tell). */
  total: number;
}

/**
 * A `fetch` for the SDK's per-request `fetch` option that reports a write's upload progress to
 * `onUploadProgress`, with the write's variables. `fetch`
 * itself has no upload events (a streamed request body needs HTTP/2 and a duplex request,
 * which PocketBase's HTTP/1.1 server does not take), so this sends the request with
 * `XMLHttpRequest` and answers with what the SDK reads of a `Response`: the status and the body
 * (PocketBase answers a create or an update with JSON; a null-body status such as a hook's 204 gets none), or a `TypeError`
 * when no answer came, as `fetch` does. Left out to keep the mutation hooks small: the
 * answer's headers (an SDK `afterSend` sees none) and an abort signal (the library sends writes
 * with `requestKey: null`, which the SDK never cancels). Where there is no `XMLHttpRequest` (a
 * server), or no `onUploadProgress`, it is `undefined`: the SDK's own `fetch` sends the request.
 *
 * Tested by tests/core/mutations/progressFetch.test.ts (progress to the end, the file stored
 * whole, the auth header, a refusal, no answer) and tests/useCreateRecord.progress.test.tsx
 * (through the hooks), in Chromium by e2e/fileChecks.mjs (several events for a large photo).
 * @internal
 */
export function progressFetch<TVariables>(
  onUploadProgress: ((progress: UploadProgress, variables: TVariables) => void) | undefined,
  variables: TVariables,
): typeof fetch | undefined {
  if (!onUploadProgress || typeof XMLHttpRequest === "undefined") return undefined;
  return (input, init) =>
    new Promise<Response>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      // The SDK always gives the URL as a string, the method, and the headers as a plain object.
      xhr.open(init!.method!, input as string);
      for (const [name, value] of Object.entries(init!.headers!)) xhr.setRequestHeader(name, value as string);
      // The ProgressEvent itself: `loaded`, and `total` (0 when the length is not computable).
      xhr.upload.onprogress = (event) => onUploadProgress(event, variables);
      // Status 0: no answer (a network error, a timeout, an abort).
      // An empty answer as no body: a null-body status (a 204) cannot carry one in a Response.
      xhr.onloadend = () => (xhr.status ? resolve(new Response(xhr.responseText || null, { status: xhr.status })) : reject(new TypeError("Failed to fetch")));
      xhr.send(init!.body as XMLHttpRequestBodyInit);
    });
}
