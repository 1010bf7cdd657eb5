// Per test file: msw sits in front of the real PocketBase. Nothing is mocked unless a test
// installs a handler (tests/helpers/msw.ts); unhandled requests pass through untouched.
import { afterAll, afterEach, beforeAll } from "vitest";
import { server } from "../helpers/msw";

beforeAll(() => server.listen({ onUnhandledRequest: "bypass" }));
// One test's faults must never leak into the next.
afterEach(() => server.resetHandlers());
afterAll(() => server.close());
