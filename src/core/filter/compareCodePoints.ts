/**
 * Compares two strings the way SQLite's BINARY collation does: memcmp over UTF-8, which is
 * code point order. UTF-16 order (JavaScript's `<`) differs only where a surrogate (a code
 * point >= U+10000) meets a unit in U+E000-U+FFFF, so at the first difference those two ranges
 * swap places (the classic code point order fixup).
 *
 * @param a - A string.
 * @param b - Another string.
 * @returns -1, 0 or 1.
 * @example
 * ```ts
 * compareCodePoints("\uFFFD", "😀"); // -1, although "\uFFFD" < "😀" is false in JavaScript
 * ```
 */
export function compareCodePoints(a: string, b: string): -1 | 0 | 1 {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800 && y >= 0xd800) {
      x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
      y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
    }
    return x < y ? -1 : 1;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}
