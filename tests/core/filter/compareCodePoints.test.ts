import { describe, expect, it } from "vitest";
import { compareCodePoints } from "../../../src/core/filter/compareCodePoints";

// SQLite's BINARY collation (memcmp over UTF-8) orders by code point; JavaScript's `<` by UTF-16 unit.
const byCodePoint = (a: string, b: string): number => {
  const x = Array.from(a, (ch) => ch.codePointAt(0)!);
  const y = Array.from(b, (ch) => ch.codePointAt(0)!);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
  return Math.sign(x.length - y.length);
};

describe("compareCodePoints", () => {
  it("puts astral characters after BMP private use and specials, unlike UTF-16 order", () => {
    expect("😀" < "\uE000").toBe(true); // UTF-16: the surrogate 0xD83D sorts first
    expect(compareCodePoints("\uE000", "😀")).toBe(-1);
    expect(compareCodePoints("\uFFFD", "😀")).toBe(-1);
    expect(compareCodePoints("😀", "\uFFFF")).toBe(1);
    expect(compareCodePoints("a😀", "a\uE000b")).toBe(1); // decided at the first difference
  });

  it("agrees with code point order on every pair of a mixed sample", () => {
    const sample = ["", "a", "ab", "b", "z", "é", "\uD7FF", "\uE000", "\uFFFD", "\uFFFF", "😀", "😁", "𝄞"];
    sample.push("a😀", "a\uFFFD");
    for (const a of sample) {
      for (const b of sample) {
        expect(compareCodePoints(a, b), `${JSON.stringify(a)} vs ${JSON.stringify(b)}`).toBe(byCodePoint(a, b));
      }
    }
  });
});
