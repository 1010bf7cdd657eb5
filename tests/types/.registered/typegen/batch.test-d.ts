// useBatch's operations are typed per collection from the registered schema: each create takes
// what useCreateRecord of that collection takes, each update what useUpdateRecord takes.
// Checked by tests/types/registered.test.ts.
import { useBatch, type BatchOperationOf } from "solid-query-pocketbase";
import { describe, expectTypeOf, it } from "vitest";

describe("registered batch operations", () => {
  it("check each operation against its own collection", () => {
    const batch = useBatch();
    batch.mutate([
      { collection: "authors", create: { name: "Ada" } },
      { collection: "posts", update: { id: "p1", data: { title: "Renamed", "views+": 1 } } },
      { collection: "posts", delete: "p2" },
    ]);
    // @ts-expect-error authors require a name
    batch.mutate([{ collection: "authors", create: {} }]);
    // @ts-expect-error an unknown collection
    batch.mutate([{ collection: "nope", delete: "x" }]);
    // @ts-expect-error views is a number
    batch.mutate([{ collection: "posts", update: { id: "p1", data: { views: "many" } } }]);
    // @ts-expect-error an update needs its id
    batch.mutate([{ collection: "posts", update: { data: { title: "t" } } }]);
  });

  it("name the collections of the schema", () => {
    expectTypeOf<BatchOperationOf<"posts">["collection"]>().toEqualTypeOf<"posts">();
  });
});
