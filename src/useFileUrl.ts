import { useQuery, useQueryClient } from "@tanstack/solid-query";
import type { RecordModel } from "pocketbase";
import { createMemo, onCleanup, type Accessor } from "solid-js";
import { authIdentity } from "./core/auth/authIdentity";
import { protectedFields } from "./core/filter/protectedFields";
import { pendingFile } from "./core/mutations/pendingFile";
import { fileTokenQueryOptions } from "./core/queries/fileTokenQueryOptions";
import type { HookOverrides } from "./HookOverrides";
import { useAuth } from "./useAuth";
import { usePocketBase } from "./usePocketBase";

/**
 * Options of {@link useFileUrl}.
 *
 * @example
 * ```ts
 * const options: FileUrlOptions = { thumb: "100x100", protected: true };
 * ```
 */
export interface FileUrlOptions {
  /** A thumbnail size the field declares (`"100x100"`, `"0x300"`, …), as in the SDK. */
  thumb?: string;
  /** Serve the file as a download. */
  download?: boolean;
  /**
   * The file field is protected: its URL needs the signed-in user's file token. By default, what
   * `PocketBaseProvider`'s `fieldTypes` declare for the record's field holding this file
   * (`{ photo: { type: "file", protected: true } }`), else unprotected.
   */
  protected?: boolean;
}

/** What {@link useFileUrl} needs of a record: its id and its collection. */
export type FileRecord = Pick<RecordModel, "id" | "collectionId" | "collectionName">;

/** The URL accessor of {@link useFileUrl}, with why there is none. */
export type FileUrl = Accessor<string | undefined> & {
  /** Why the URL is `undefined` while a record and a file name are given, or `undefined`. */
  reason: Accessor<string | undefined>;
};

/**
 * The URL of a record's file, as an accessor (thumbnails and `download` as in the SDK's
 * `pb.files.getURL`).
 *
 * - **Protected files.** For a protected file field (the `protected` option, or the provider's
 *   `fieldTypes`), the URL carries the signed-in user's file token: fetched once and shared by
 *   every `useFileUrl` (a query under the library's keys), renewed shortly before it expires so
 *   a page left open keeps showing its images, and dropped on a change of user. Signed out, a
 *   protected file has no URL, and `reason()` says why.
 * - **Files being uploaded.** While a create or update of the record made with this library's
 *   hooks (or a batch) is pending, the record shows each new `File`/`Blob` by its name, and this
 *   gives a local object URL of the file itself: a preview at once, with no request and no
 *   broken image, until the server's answer brings the stored name. The object URL is revoked
 *   when it is no longer shown: when the record or the file name this reads changes (pass the
 *   record from the cache, as the examples do), or the component is gone. A preview is the
 *   whole file: `thumb` and `download` do not apply to it; size it with CSS.
 * - The provider's `fieldTypes` are found by the record's `collectionName`: a record without it
 *   (one read with `fields` that leave it out) is unprotected unless `protected` says otherwise.
 *
 * @param record - The record (or an accessor of it): `id` and `collectionId` or `collectionName`.
 * @param filename - The file name (or an accessor of it), as in the record's field.
 * @param options - Accessor of `thumb`, `download` and `protected`.
 * @param overrides - Clients to use instead of the ones in context.
 * @returns An accessor of the URL (`undefined` until there is one), with `reason`.
 * @throws Error outside a `PocketBaseProvider` with no `overrides.pocketbase` (see
 *   {@link usePocketBase}), or outside TanStack's `QueryClientProvider` with no
 *   `overrides.queryClient`.
 * @example
 * ```tsx
 * const photo = useFileUrl(() => patient, () => patient.photo, () => ({ thumb: "100x100", protected: true }));
 * <Show when={photo()} fallback={<span>{photo.reason()}</span>}>{(src) => <img src={src()} alt="" />}</Show>
 * ```
 */
export function useFileUrl(
  record: FileRecord | undefined | Accessor<FileRecord | undefined>,
  filename: string | undefined | Accessor<string | undefined>,
  options?: Accessor<FileUrlOptions>,
  overrides?: HookOverrides,
): FileUrl {
  const pb = usePocketBase(overrides?.pocketbase);
  const queryClient = useQueryClient(overrides?.queryClient);
  const auth = useAuth<RecordModel>(overrides);
  const identity = () => authIdentity(auth.record);
  const signedIn = () => auth.isValid;
  const target = () => (typeof record === "function" ? record() : record);
  const name = () => (typeof filename === "function" ? filename() : filename);
  const isProtected = () => options?.().protected ?? declaredProtected(queryClient, target(), name());
  const token = useQuery(() => ({ ...fileTokenQueryOptions(pb, identity()), enabled: isProtected() && signedIn() }), () => queryClient);
  // Memos, so the object URL is made once per pending file, not on every change of the record.
  const pending = createMemo(() => {
    const shown = target();
    const file = name();
    return shown && file ? pendingFile(queryClient, shown, file) : undefined;
  });
  const preview = createMemo(() => {
    const file = pending();
    if (!file) return undefined;
    const href = URL.createObjectURL(file);
    onCleanup(() => URL.revokeObjectURL(href));
    return href;
  });
  const url = () => {
    const local = preview();
    if (local) return local;
    const shown = target();
    const file = name();
    if (!shown || !file) return undefined;
    const { thumb, download } = options?.() ?? {};
    if (!isProtected()) return pb.files.getURL(shown, file, { thumb, download });
    if (!signedIn() || !token.data) return undefined;
    return pb.files.getURL(shown, file, { thumb, download, token: token.data });
  };
  const reason = () => {
    if (!isProtected() || url()) return undefined;
    if (!signedIn()) return "A protected file needs a signed-in user: sign in to see it.";
    return token.error ? `The file token could not be obtained: ${token.error.message}` : undefined;
  };
  return Object.assign(url, { reason });
}

/** Whether the provider's `fieldTypes` declare protected the field of the record that holds this file. */
function declaredProtected(cache: object, record: FileRecord | undefined, filename: string | undefined): boolean {
  if (!record?.collectionName || !filename) return false;
  for (const [field, value] of Object.entries(record)) {
    if (value === filename || (Array.isArray(value) && value.includes(filename))) {
      return protectedFields.has(cache, record.collectionName, field);
    }
  }
  return false;
}
