import type Client from "pocketbase";
import { fileTokenKey } from "../keys/fileTokenKey";

/** Renewed this long before it expires at most (a short-lived token: at half its life left). */
const AHEAD_MS = 30_000;

/**
 * TanStack options for the signed-in user's file token (`pb.files.getToken()`), which protected
 * files need in their URL. The token is fresh until shortly before it expires (180 s by default
 * on the server), and renewed then even when nothing re-renders (`refetchInterval`), so a page
 * left open keeps showing its images.
 *
 * Tested by tests/useFileUrl.test.tsx (a protected file opened with the token, refused without,
 * and opened again after the token's lifetime with a renewed one).
 * @param pb - The client whose user the token is for.
 * @param identity - Who is signed in (`authIdentity`): part of the key.
 * @returns Options for `useQuery`.
 * @internal
 */
export function fileTokenQueryOptions(pb: Client, identity: string) {
  return {
    queryKey: fileTokenKey(identity),
    queryFn: () => pb.files.getToken({ requestKey: null }),
    staleTime: (query: { state: { data?: string } }) => renewIn(query.state.data),
    refetchInterval: (query: { state: { data?: string } }) => Math.max(1000, renewIn(query.state.data)),
    refetchIntervalInBackground: true,
  };
}

function renewIn(token: string | undefined): number {
  const exp = expiry(token);
  if (!exp) return 0;
  const left = exp - Date.now();
  return Math.max(0, left - Math.min(AHEAD_MS, left / 2));
}

/** The token's `exp` in ms, or 0. */
function expiry(token: string | undefined): number {
  try {
    const payload = token!.split(".")[1]!.replace(/-/g, "+").replace(/_/g, "/");
    return Number(JSON.parse(atob(payload)).exp) * 1000 || 0;
  } catch {
    return 0;
  }
}
