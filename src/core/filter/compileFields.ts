/** How the records of a query are projected by its `fields` parameter. */
export interface FieldsProjection {
  /** Projects a full record onto the query's fields (always keeping `id`). New object. */
  project(record: Record<string, unknown>): Record<string, unknown>;
  /** Whether projected records still carry `field`. */
  keeps(field: string): boolean;
}

const PLAIN_FIELD = /^\w+$/;
const ALL: FieldsProjection = { project: (record) => record, keeps: () => true };

/**
 * Compiles a normalised `fields` parameter into a projection the cache reducer can apply to an
 * incoming record, or `undefined` when it cannot be reproduced on the client: dotted paths
 * (`expand.author.name`) and modifiers (`description:excerpt(20)`) need data or formatting
 * only the server has. `*` (alone or with plain names) keeps everything.
 *
 * `id` is always kept, even when `fields` leaves it out, because the reducer finds records by
 * id. Without `fields` the projection is the identity.
 *
 * @param fields - A comma list such as `id,title,created`, or `undefined`.
 * @returns The projection, or `undefined` when it is not reproducible.
 * @example
 * ```ts
 * compileFields("title,views")?.project({ id: "a", title: "T", views: 1, body: "…" });
 * // => { id: "a", title: "T", views: 1 }
 * compileFields("expand.author.name"); // => undefined
 * ```
 */
export function compileFields(fields: string | undefined): FieldsProjection | undefined {
  if (fields === undefined) return ALL;
  const names = fields.split(",").map((name) => name.trim());
  if (!names.every((name) => name === "*" || PLAIN_FIELD.test(name))) return undefined;
  if (names.includes("*")) return ALL;
  const kept = new Set(["id", ...names]);
  return {
    project: (record) => {
      const out: Record<string, unknown> = {};
      for (const name of kept) if (name in record) out[name] = record[name];
      return out;
    },
    keeps: (field) => kept.has(field),
  };
}
