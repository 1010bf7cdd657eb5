import type { FieldTypes } from "./types";

const registry = new WeakMap<object, ReadonlyMap<string, FieldTypes>>();

/**
 * The declared field types of collections, per cache (QueryClient), read by the cache reducer
 * when it decides filtered lists.
 *
 * Some filters mean different things for different field types holding the same JSON value (an
 * array may be a multi-select or a json field; `tags ?= "red"`, `tags:length` and `:each` depend
 * on it). Without the types, lists filtered that way are refetched on a change instead of patched
 * in place. `PocketBaseProvider`'s `fieldTypes` prop sets them.
 *
 * @example
 * ```ts
 * fieldTypesRegistry.set(queryClient, { posts: { tags: "select", meta: "json" } });
 * fieldTypesRegistry.get(queryClient, "posts"); // { tags: "select", meta: "json" }
 * ```
 */
export const fieldTypesRegistry = {
  /** Sets the field types of a cache's collections (name → field → PocketBase type), replacing earlier ones. */
  set(cache: object, collections: Readonly<Record<string, FieldTypes>>): void {
    registry.set(cache, new Map(Object.entries(collections)));
  },
  /** The field types of one collection in a cache, if set. */
  get(cache: object, collection: string): FieldTypes | undefined {
    return registry.get(cache)?.get(collection);
  },
};
