// An app that sets `systemCollections: true`: PocketBase's own collections are names like any other.
// Checked by tests/types/registered.test.ts.
import type { ListResult } from "pocketbase";
import {
  useCollection,
  useCreateRecord,
  useDeleteRecord,
  useRecord,
  type CollectionName,
} from "solid-query-pocketbase";
import { describe, expectTypeOf, it } from "vitest";
import type { SuperusersResponse } from "../../schema";

describe("system collections asked for", () => {
  it("are offered as names, with their records", () => {
    expectTypeOf<CollectionName>().toEqualTypeOf<
      "posts" | "authors" | "users" | "_superusers" | "_otps" | "_mfas" | "_authOrigins" | "_externalAuths"
    >();
    expectTypeOf(useCollection("_superusers").data).toEqualTypeOf<ListResult<SuperusersResponse> | undefined>();
    useRecord("_otps", "id");
    useDeleteRecord("_externalAuths");
  });

  it("keep the required fields of their records", () => {
    useCreateRecord("_superusers").mutate({ email: "root@b.c", password: "12345678", passwordConfirm: "12345678" });
    // @ts-expect-error a superuser needs a password
    useCreateRecord("_superusers").mutate({ email: "root@b.c" });
  });
});
