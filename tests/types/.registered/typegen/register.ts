// An app on pocketbase-typegen 1.3+ registering all it generates: the client, the records reads
// return (CollectionResponses) and the records that say which fields a create requires
// (CollectionRecords); and `slug`, a required field the server fills in.
import type { CollectionRecords, CollectionResponses, GenericTypedPocketBase } from "../../schema";

declare module "solid-query-pocketbase" {
  interface Register {
    client: GenericTypedPocketBase;
    collections: CollectionResponses;
    records: CollectionRecords;
    serverDefaults: { posts: "slug" };
  }
}
