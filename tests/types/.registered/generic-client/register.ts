// An app on pocketbase-typegen 1.3+ that registers only its client: the records cannot be read
// from its generic collection(), and the error where a record is used says what to add.
import type {} from "solid-query-pocketbase";
import type { GenericTypedPocketBase } from "../../schema";

declare module "solid-query-pocketbase" {
  interface Register {
    client: GenericTypedPocketBase;
  }
}
