// An app on pocketbase-typegen 1.3+: its TypedPocketBase declares collection() generically, so
// the name → record map (CollectionResponses) is registered next to it.
import type { CollectionResponses, GenericTypedPocketBase } from "../../schema";

declare module "solid-query-pocketbase" {
  interface Register {
    client: GenericTypedPocketBase;
    collections: CollectionResponses;
  }
}
