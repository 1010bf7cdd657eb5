/** The records of a query as its `fields` parameter projects them. @internal */
export interface FieldsProjection {
  /** A new object holding the record's kept fields. */
  project(record: Record<string, unknown>): Record<string, unknown>;
  /** Whether projected records still carry `field`. */
  keeps(field: string): boolean;
}

const PLAIN_FIELD = /^\w+$/;
const ALL: FieldsProjection = { project: (record) => record, keeps: () => true };

/**
 * Compiles a normalised `fields` parameter into the projection the cache reducer applies to
 * incoming records, or `undefined` for dotted paths (`expand.author.name`) and modifiers
 * (`description:excerpt(20)`), whose data or formatting only the server has. `id` is always
 * kept, since the reducer finds records by it.
 * @internal
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
