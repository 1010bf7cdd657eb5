import type { RecordModel } from "pocketbase";
import type { Accessor } from "solid-js";
import type { HookOverrides } from "./HookOverrides";
import type { CollectionArgument, RecordOf } from "./typedCollections";
import type { UseRealtimeOptions } from "./types";
import { useRecordTopic } from "./useRecordTopic";

/**
 * Keeps one record live: subscribes to `collection/<id>` while mounted (PocketBase checks the
 * collection's viewRule for it), and applies its updates and deletion to every cached copy.
 * A changed id moves the subscription; an empty id subscribes to nothing.
 *
 * @typeParam T - The record type of `onEvent`'s events, or the collection name ({@link Register}).
 * @param collection - Collection name or id.
 * @param id - The record id, or an accessor of it.
 * @param options - Accessor of `strategy`, `expand`, `fields`, `onEvent`, `enabled`. `onEvent`
 *   hears every event, the echo of your own mutations too, and its second argument says which
 *   (`{ own }`, see {@link RecordEventInfo}).
 * @param overrides - Clients to use instead of the ones in context.
 * @throws Error in the browser, outside a `PocketBaseProvider` with no `overrides.pocketbase`
 *   (see {@link usePocketBase}). On the server it does nothing.
 * @example
 * ```tsx
 * const patient = useRecord<Patient>("patients", () => props.id, () => ({ expand: "ward" }));
 * useRealtimeRecord("patients", () => props.id, () => ({ expand: "ward" }));
 * ```
 */
export function useRealtimeRecord<const T>(
  collection: CollectionArgument<T>,
  id: string | null | undefined | Accessor<string | null | undefined>,
  options?: Accessor<UseRealtimeOptions<RecordOf<T>>>,
  overrides?: HookOverrides,
): void;
// The implementation signature; the overload above is the public one.
export function useRealtimeRecord<T = RecordModel>(
  collection: string,
  id: string | null | undefined | Accessor<string | null | undefined>,
  options?: Accessor<UseRealtimeOptions<T>>,
  overrides?: HookOverrides,
): void {
  useRecordTopic(collection, () => (typeof id === "function" ? id() : id), options, overrides);
}
