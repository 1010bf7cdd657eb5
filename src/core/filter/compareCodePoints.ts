/**
 * Orders two strings by code point, as SQLite's BINARY collation does (memcmp over UTF-8).
 * JavaScript's `<` compares UTF-16 units instead, which differs only where a surrogate (U+10000
 * and up) meets U+E000-U+FFFF: at the first difference those two ranges swap places.
 * @internal
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
