import { useQueryClient } from "@tanstack/solid-query";
import { createEffect, onCleanup, type Accessor } from "solid-js";
import { isServer } from "solid-js/web";
import { realtimeCacheListener } from "./core/realtime/realtimeCacheListener";
import { realtimeHub } from "./core/realtime/realtimeHub";
import { recordEventListener } from "./core/realtime/recordEventListener";
import type { HookOverrides } from "./HookOverrides";
import type { UseRealtimeOptions } from "./types";
import { usePocketBase } from "./usePocketBase";

/**
 * Subscribes the hub to `collection/<scope>` while mounted and enabled, following reactive
 * options and scope, and feeds the events to the shared cache listener and to `onEvent` (told
 * which are the echo of this app's own mutations). The common part of `useRealtimeCollection`
 * (scope `*`) and `useRealtimeRecord` (scope = id).
 * @internal
 */
export function useRecordTopic<T>(
  collection: string,
  scope: Accessor<string | null | undefined>,
  options: Accessor<UseRealtimeOptions<T>> | undefined,
  overrides: HookOverrides | undefined,
): void {
  if (isServer) return; // no EventSource on the server
  const pb = usePocketBase(overrides?.pocketbase);
  const queryClient = useQueryClient(overrides?.queryClient);
  createEffect(() => {
    const { enabled = true, strategy = "patch", expand, fields, onEvent } = options?.() ?? {};
    const target = scope();
    if (!enabled || !target) return;
    const hub = realtimeHub(pb);
    const query: Record<string, string> = {};
    if (expand) query.expand = expand;
    if (fields) query.fields = fields;
    const topic = { topic: `${collection}/${target}`, options: query };
    const cache = realtimeCacheListener(queryClient, {
      collection,
      strategy,
      scope: target,
      flushWindowMs: hub.options.flushWindowMs,
      partial: Boolean(fields),
    });
    const stops = [hub.subscribe(topic, cache.listener), cache.release];
    if (onEvent) stops.push(hub.subscribe(topic, recordEventListener(pb, queryClient, collection, onEvent)));
    onCleanup(() => stops.forEach((stop) => stop()));
  });
}
