import type { FieldDeclaration } from "./types";

const registry = new WeakMap<object, ReadonlyMap<string, ReadonlySet<string>>>();

/**
 * The file fields the provider's `fieldTypes` declare protected (`{ type: "file", protected:
 * true }`), per cache (QueryClient): `useFileUrl` gives their files a URL with the signed-in
 * user's file token. Kept apart from `fieldTypesRegistry`, which every list patch reads, so the
 * read and write hooks do not carry what only file URLs need.
 *
 * Tested by tests/useFileUrl.test.tsx (a protected field found from the provider's fieldTypes).
 * @internal
 */
export const protectedFields = {
  /** Takes the protected fields out of the provider's declarations, replacing earlier ones. */
  set(cache: object, collections: Readonly<Record<string, Readonly<Record<string, FieldDeclaration>>>>): void {
    const declared = new Map<string, Set<string>>();
    for (const [name, fields] of Object.entries(collections)) {
      for (const [field, declaration] of Object.entries(fields)) {
        if (typeof declaration === "object" && declaration.protected) declared.set(name, (declared.get(name) ?? new Set()).add(field));
      }
    }
    registry.set(cache, declared);
  },
  /** Whether a field of a collection is declared protected. */
  has(cache: object, collection: string, field: string): boolean {
    return registry.get(cache)?.get(collection)?.has(field) ?? false;
  },
};
