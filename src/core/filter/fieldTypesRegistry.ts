import type { FieldTypes } from "./types";

const registry = new WeakMap<object, ReadonlyMap<string, FieldTypes>>();

/**
 * The declared field types of collections, per cache (QueryClient), for the filter evaluator.
 *
 * Some filter conditions mean different things for different field types with the same JSON
 * value (an array is a multi-select or a json field; `tags ?= "red"`, `tags:length` and
 * `:each` depend on it), so without the types lists filtered that way are refetched instead of
 * patched. Give the types once (`PocketBaseProvider`'s `fieldTypes` prop) and they are patched
 * in place too.
 *
 * @example
 * ```ts
 * fieldTypesRegistry.set(queryClient, { posts: { tags: "select", meta: "json" } });
 * fieldTypesRegistry.get(queryClient, "posts"); // { tags: "select", meta: "json" }
 * ```
 */
export const fieldTypesRegistry = {
  /** Sets the field types of the given collections (name → field → PocketBase type). */
  set(cache: object, collections: Readonly<Record<string, FieldTypes>>): void {
    registry.set(cache, new Map(Object.entries(collections)));
  },
  /** The field types of one collection, if given. */
  get(cache: object, collection: string): FieldTypes | undefined {
    return registry.get(cache)?.get(collection);
  },
};
