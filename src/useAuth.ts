import { getTokenPayload, type RecordModel } from "pocketbase";
import { createSignal, onCleanup } from "solid-js";
import { isServer } from "solid-js/web";
import type Client from "pocketbase";
import { liveAuthRecord } from "./core/realtime/liveAuthRecord";
import type { HookOverrides } from "./HookOverrides";
import type { RecordOf } from "./typedCollections";
import { usePocketBase } from "./usePocketBase";

/**
 * The signed-in state as {@link useAuth} returns it: each field a tracked getter.
 *
 * @typeParam R - The auth record's type.
 * @example
 * ```ts
 * const auth: AuthState = useAuth();
 * ```
 */
export interface AuthState<R = RecordModel> {
  /** The signed-in record (a user, or a superuser), or `null` for a guest. */
  readonly record: R | null;
  /** The auth token, or `""`. */
  readonly token: string;
  /** Whether a token is stored and not expired; turns `false` when it expires. */
  readonly isValid: boolean;
  /** Whether the record is a superuser (of `_superusers`). */
  readonly isSuperuser: boolean;
}

// setTimeout's longest delay; a token valid for longer is looked at again then.
const LONGEST_TIMEOUT = 2_147_483_647; // 2 ** 31 - 1, written out so that bundles which never use it drop it

/**
 * The signed-in state of the PocketBase client, reactive: it follows every change of
 * `pb.authStore` (a sign-in, a token refresh, a sign-out, the same in another tab when the store
 * is the SDK's default `LocalAuthStore`), and `isValid` turns `false` when the token expires.
 * While it is mounted the user's own record stays live through the realtime connection the
 * other hooks share: edited elsewhere (a profile page in another window), it shows the new
 * values without a reload; deleted, the client signs out.
 *
 * @typeParam T - The auth collection's name (default `"users"`, PocketBase's own): the record is
 *   that collection's registered record type once a schema is registered ({@link Register}),
 *   else `RecordModel`. Or a record type written out: `useAuth<Staff>()`.
 * @param overrides - A client to use instead of the one in context.
 * @returns An object of tracked getters: read them in JSX or effects.
 * @throws Error outside a `PocketBaseProvider` with no `overrides.pocketbase` (see
 *   {@link usePocketBase}).
 * @example
 * ```tsx
 * const auth = useAuth(); // the signed-in user of "users", typed once a schema is registered
 * <Show when={auth.record} fallback={<Login />}>{(user) => <p>Hello {user().name}</p>}</Show>
 * ```
 */
export function useAuth<const T = "users">(overrides?: Pick<HookOverrides, "pocketbase">): AuthState<RecordOf<T>> {
  type R = RecordOf<T>;
  const pb = usePocketBase(overrides?.pocketbase);
  const [changes, setChanges] = createSignal(0);
  const changed = () => setChanges((count) => count + 1);
  let expiry: ReturnType<typeof setTimeout> | undefined;
  // The store says nothing when a token expires: look again at its expiry.
  const watchExpiry = () => {
    clearTimeout(expiry);
    const left = Number(getTokenPayload(pb.authStore.token).exp) * 1000 - Date.now();
    if (!(left >= 0)) return; // no token, or expired already
    expiry = setTimeout(() => {
      changed();
      watchExpiry();
    }, Math.min(left + 1000, LONGEST_TIMEOUT));
  };
  if (isServer) return snapshot(pb);
  watchExpiry();
  const stop = pb.authStore.onChange(() => {
    changed();
    watchExpiry();
  });
  const stopLive = liveAuthRecord(pb);
  onCleanup(() => {
    stop();
    stopLive();
    clearTimeout(expiry);
  });
  const read = <T,>(value: () => T) => {
    changes();
    return value();
  };
  return {
    get record() {
      return read(() => pb.authStore.record as R | null);
    },
    get token() {
      return read(() => pb.authStore.token);
    },
    get isValid() {
      return read(() => pb.authStore.isValid);
    },
    get isSuperuser() {
      return read(() => pb.authStore.isSuperuser);
    },
  };
}

// On the server a render reads the store once: nothing changes under it, and no timer may linger.
function snapshot<R>(pb: Client): AuthState<R> {
  const { record, token, isValid, isSuperuser } = pb.authStore;
  return { record: record as R | null, token, isValid, isSuperuser };
}
