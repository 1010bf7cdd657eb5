// Counts a client's requests for a benchmark: writes (any method but GET), and reads of one
// collection's records (list requests and refetches).
import type PocketBase from "pocketbase";

export function countRequests(pb: PocketBase, collection: string): { writes: number; lists: number } {
  const requests = { writes: 0, lists: 0 };
  pb.beforeSend = (url, options) => {
    if (options.method && options.method !== "GET") requests.writes++;
    else if (url.includes(`/collections/${collection}/records`)) requests.lists++;
    return { url, options };
  };
  return requests;
}
