// Node (and jsdom) have no EventSource; the PocketBase SDK's realtime needs a global one,
// and msw's `sse()` throws without it (Node's --experimental-eventsource works with neither msw nor jsdom). The `eventsource` package
// is fetch-based, so msw can intercept the stream when a test wants to. Listed first.
import { EventSource } from "eventsource";

globalThis.EventSource ??= EventSource as unknown as typeof globalThis.EventSource;
