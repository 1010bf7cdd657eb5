const ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
const LENGTH = 15;
// 252 = 7 * 36: bytes from 252 up would make the first four characters more likely than the
// rest (modulo bias), so they are drawn again.
const LIMIT = 252;

/**
 * Generates a record id the way PocketBase does: 15 characters from `[a-z0-9]`, from a
 * cryptographic random source. PocketBase accepts such an id on create, so an optimistic row,
 * the server's answer and the realtime echo all share it: no temporary ids, no duplicates.
 *
 * @returns A new id, e.g. `"k3j9x0q2m1a8z7b"`.
 * @example
 * ```ts
 * const id = newRecordId();
 * await pb.collection("posts").create({ id, title: "Hello" });
 * ```
 */
export function newRecordId(): string {
  let id = "";
  const bytes = new Uint8Array(32);
  while (id.length < LENGTH) {
    crypto.getRandomValues(bytes);
    for (const byte of bytes) {
      if (byte < LIMIT && id.length < LENGTH) id += ALPHABET.charAt(byte % ALPHABET.length);
    }
  }
  return id;
}
