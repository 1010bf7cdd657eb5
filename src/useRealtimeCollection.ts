import type { RecordModel } from "pocketbase";
import type { Accessor } from "solid-js";
import type { HookOverrides } from "./HookOverrides";
import type { CollectionArgument, RecordOf } from "./typedCollections";
import type { UseRealtimeOptions } from "./types";
import { useRecordTopic } from "./useRecordTopic";

/**
 * Keeps every cached query of a collection live: subscribes to `collection/*` while the
 * component is mounted and turns other users' creates, updates and deletes into cache updates.
 * With the default `patch` strategy, lists whose filter and sort the core understands are
 * updated in place with no request; the others are refetched, at most once per flush window
 * however many events arrive. One SDK subscription is shared by every component asking for the
 * same collection and options; it survives reconnects (what was missed is refetched) and
 * changes of signed-in user (it is re-established under the new user's rules).
 *
 * @typeParam T - The record type of `onEvent`'s events, or the collection name ({@link Register}).
 * @param collection - Collection name or id.
 * @param options - Accessor of `strategy`, `expand`, `fields`, `onEvent`, `enabled`. `onEvent`
 *   hears every event, the echo of your own mutations too, and its second argument says which
 *   (`{ own }`, see {@link RecordEventInfo}).
 * @param overrides - Clients to use instead of the ones in context.
 * @throws Error in the browser, outside a `PocketBaseProvider` with no `overrides.pocketbase`
 *   (see {@link usePocketBase}). On the server it does nothing.
 * @example
 * ```tsx
 * function Board() {
 *   const patients = useCollection<Patient>("patients", () => ({ sort: "name" }));
 *   useRealtimeCollection("patients"); // other users' changes appear live
 *   return <For each={patients.data?.items}>{(p) => <li>{p.name}</li>}</For>;
 * }
 * ```
 */
export function useRealtimeCollection<const T>(
  collection: CollectionArgument<T>,
  options?: Accessor<UseRealtimeOptions<RecordOf<T>>>,
  overrides?: HookOverrides,
): void;
// The implementation signature; the overload above is the public one.
export function useRealtimeCollection<T = RecordModel>(
  collection: string,
  options?: Accessor<UseRealtimeOptions<T>>,
  overrides?: HookOverrides,
): void {
  useRecordTopic(collection, () => "*", options, overrides);
}
