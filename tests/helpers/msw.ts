// Fault injection in front of the real PocketBase. Each helper installs a
// one-shot msw handler for `${pbUrl}${path}`; every other request passes through to the
// server. Handlers are reset after each test by tests/setup/msw.ts.
//
// Paths use msw's path matching: "/api/collections/posts/records/:id", "/api/collections/*".
// The query string is ignored by msw when matching.

import { bypass, delay, http, HttpResponse, matchRequestUrl, passthrough } from "msw";
import { setupServer } from "msw/node";
import { inject } from "vitest";

/** The one msw server of a test file (started/stopped by tests/setup/msw.ts). */
export const server = setupServer();

export type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE" | "ALL";

/** A PocketBase-shaped error body, as the SDK's ClientResponseError expects it. */
export interface PocketBaseErrorBody {
  status: number;
  message: string;
  data: Record<string, unknown>;
}

function handlerFor(method: Method) {
  return http[method.toLowerCase() as Lowercase<Method>];
}

function fullUrl(path: string) {
  return `${inject("pbUrl")}${path}`;
}

/**
 * The next matching request gets `{ status, message, data }` with the given status, without
 * reaching the server. `body` overrides parts of it (e.g. `data` for field errors).
 */
export function failNext(
  method: Method,
  path: string,
  { status, body }: { status: number; body?: Partial<PocketBaseErrorBody> },
) {
  const payload: PocketBaseErrorBody = { status, message: `Injected failure (${status}).`, data: {}, ...body };
  server.use(handlerFor(method)(fullUrl(path), () => HttpResponse.json(payload, { status }), { once: true }));
}

/** The next matching request fails at the network level (fetch rejects with a TypeError). */
export function networkErrorNext(method: Method, path: string) {
  server.use(handlerFor(method)(fullUrl(path), () => HttpResponse.error(), { once: true }));
}

/**
 * The next matching request waits `ms`, then goes to the real server and gets its answer.
 * `started` resolves when that request has been caught (so a test can act while it is held).
 */
export function delayNext(method: Method, path: string, ms: number): { started: Promise<void> } {
  let markStarted!: () => void;
  const started = new Promise<void>((resolve) => (markStarted = resolve));
  server.use(
    handlerFor(method)(
      fullUrl(path),
      async () => {
        markStarted();
        await delay(ms);
        return passthrough();
      },
      { once: true },
    ),
  );
  return { started };
}

/**
 * The next matching request is held until the test calls `release()`: with no argument it then
 * goes to the real server; with `{ status }` it fails like `failNext`; with `"network"` it fails
 * at the network level. `started` resolves once the request has been caught. No clock involved:
 * the test decides when the response happens.
 */
export function holdNext(method: Method, path: string) {
  let markStarted!: () => void;
  let answer!: (outcome: HoldOutcome) => void;
  const started = new Promise<void>((resolve) => (markStarted = resolve));
  const released = new Promise<HoldOutcome>((resolve) => (answer = resolve));
  server.use(
    handlerFor(method)(
      fullUrl(path),
      async () => {
        markStarted();
        const outcome = await released;
        if (outcome === "pass") return passthrough();
        if (outcome === "network") return HttpResponse.error();
        const payload: PocketBaseErrorBody = { status: outcome.status, message: `Injected failure (${outcome.status}).`, data: {} };
        return HttpResponse.json(payload, { status: outcome.status });
      },
      { once: true },
    ),
  );
  return { started, release: (outcome: HoldOutcome = "pass") => answer(outcome) };
}

export type HoldOutcome = "pass" | "network" | { status: number };

/**
 * The next matching request is held twice, each time until the test says: `send()` lets it
 * reach the real server (which applies it and sends its realtime events), and `answered`
 * resolves once the server's answer is in; `deliver()` hands that answer to the client (sending
 * first if the test has not). For an answer taken before something the client sees first: a
 * list read before another client's write, a write whose realtime echo comes before its answer.
 */
export function holdAnswerNext(method: Method, path: string) {
  let markStarted!: () => void;
  let markAnswered!: () => void;
  let openSend!: () => void;
  let openDeliver!: () => void;
  const started = new Promise<void>((resolve) => (markStarted = resolve));
  const answered = new Promise<void>((resolve) => (markAnswered = resolve));
  const sent = new Promise<void>((resolve) => (openSend = resolve));
  const delivered = new Promise<void>((resolve) => (openDeliver = resolve));
  server.use(
    handlerFor(method)(
      fullUrl(path),
      async ({ request }) => {
        markStarted();
        await sent;
        const answer = await fetch(bypass(request));
        // Read now: the server's answer is what it held at this moment, whenever it is delivered.
        const body = await answer.arrayBuffer();
        markAnswered();
        await delivered;
        const headers = new Headers(answer.headers);
        headers.delete("content-encoding"); // fetch has decoded the body already
        headers.delete("content-length");
        return new Response(body, { status: answer.status, statusText: answer.statusText, headers });
      },
      { once: true },
    ),
  );
  return {
    started,
    answered,
    send: () => openSend(),
    deliver: () => {
      openSend();
      openDeliver();
    },
  };
}

export interface RecordedRequest {
  method: string;
  url: string;
}

export type RequestFilter = { method?: Method; path?: string } | ((request: RecordedRequest) => boolean);

/**
 * Records every request that starts from now on (mocked or passed through) until `stop()`.
 * `count({ method, path })` matches `path` like the helpers above; a function filter also works.
 */
export function recordRequests() {
  const requests: RecordedRequest[] = [];
  const listener = ({ request }: { request: Request }) => {
    requests.push({ method: request.method, url: request.url });
  };
  server.events.on("request:start", listener);

  const matches = (request: RecordedRequest, filter: RequestFilter) => {
    if (typeof filter === "function") return filter(request);
    if (filter.method && filter.method !== "ALL" && filter.method !== request.method) return false;
    return filter.path === undefined || matchRequestUrl(new URL(request.url), fullUrl(filter.path)).matches;
  };

  return {
    requests,
    count: (filter?: RequestFilter) => (filter ? requests.filter((r) => matches(r, filter)).length : requests.length),
    stop: () => server.events.removeListener("request:start", listener),
  };
}

/**
 * The next matching request reaches the real server, which applies it, and its answer is lost
 * on the way back: the client sees a network error (status 0). A write that may or may not have
 * happened, as when a connection drops mid-request. `answered` resolves once the server answered.
 */
export function loseAnswerNext(method: Method, path: string) {
  let markAnswered!: (status: number) => void;
  const answered = new Promise<number>((resolve) => (markAnswered = resolve));
  server.use(
    handlerFor(method)(
      fullUrl(path),
      async ({ request }) => {
        const answer = await fetch(bypass(request));
        await answer.arrayBuffer();
        markAnswered(answer.status);
        return HttpResponse.error();
      },
      { once: true },
    ),
  );
  return { answered };
}
