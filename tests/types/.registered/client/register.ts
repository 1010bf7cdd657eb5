// An app that registers a client type with one collection() overload per collection (the SDK
// README's pattern; pocketbase-typegen before 1.3).
import type { StrictTypedPocketBase } from "../../schema";

declare module "solid-query-pocketbase" {
  interface Register {
    client: StrictTypedPocketBase;
  }
}
