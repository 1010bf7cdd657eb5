import { describe, expect, it } from "vitest";
import { goFloatString } from "../../src/core/filter/goFloatString";
import { likePattern } from "../../src/core/filter/likePattern";
import { sqliteCompare } from "../../src/core/filter/sqliteCompare";
import { sqliteLike } from "../../src/core/filter/sqliteLike";
import { sqliteText } from "../../src/core/filter/sqliteText";
import { type MaybeSql, UNKNOWN } from "../../src/core/filter/types";

// Expected values below were read back from PocketBase 0.40.4 (SQLite via modernc v1.57.0),
// mostly through `title = <number>` and `views ~ "<text>"` filters.
describe("sqliteText", () => {
  it.each([
    [5, "5.0"],
    [-2.5, "-2.5"],
    [0.1, "0.1"],
    [0, "0.0"],
    [-0, "0.0"],
    [0.0001, "0.0001"],
    [0.00001, "1.0e-05"],
    [1e-7, "1.0e-07"],
    [123456789012345, "123456789012345.0"],
    [1e15, "1.0e+15"],
    [1e20, "1.0e+20"],
    [1.5e300, "1.5e+300"],
  ])("renders the REAL %d as %s (printf %%!.15g)", (num, text) => {
    expect(sqliteText({ num, storage: "real" })).toBe(text);
  });

  it("renders integers in decimal and leaves what it cannot know unknown", () => {
    expect(sqliteText({ num: 2 ** 52, storage: "int" })).toBe("4503599627370496");
    expect(sqliteText({ num: -7, storage: "int" })).toBe("-7");
    expect(sqliteText({ num: 0.30000000000000004, storage: "real" })).toBe(UNKNOWN); // 17 digits
    expect(sqliteText({ num: 5, storage: "unknown" })).toBe(UNKNOWN); // json 5 or 5.0
    expect(sqliteText({ opaque: "[" })).toBe(UNKNOWN);
    expect(sqliteText(null)).toBeNull();
  });
});

describe("goFloatString", () => {
  it.each([
    [1.5, "1.5"],
    [-0, "-0"],
    [0, "0"],
    [1e21, "1000000000000000000000"],
    [1e-7, "0.0000001"],
    [123.456, "123.456"],
    [-42, "-42"],
  ])("formats %d like strconv.FormatFloat(x, 'f', -1, 64): %s", (num, text) => {
    expect(goFloatString(num)).toBe(text);
  });
});

describe("likePattern", () => {
  it.each([
    ["abc", "%abc%"],
    ["5_0", "%5\\_0%"],
    ["a__b", "%a_\\_b%"], // PocketBase's escaper skips the character after an escaped one
    ["a\\b", "%a\\\\b%"],
    ["a\\_b", "%a\\_b%"], // already escaped
    ["_", "%\\_%"],
    ["\\", "%\\\\%"],
    ["50%", "50%"], // an unescaped % means: the caller wrote the wildcards
    ["a\\%b", "%a\\%b%"], // an escaped % does not
    ["a\\\\%b", "a\\\\%b"], // after an escaped backslash it does again
    ["", "%%"],
  ])("%j becomes %j", (value, pattern) => {
    expect(likePattern(value)).toBe(pattern);
  });
});

describe("sqliteLike", () => {
  it("matches % and _ wildcards, _ being one code point", () => {
    expect(sqliteLike("école", "_cole")).toBe(true);
    expect(sqliteLike("😀x", "_x")).toBe(true);
    expect(sqliteLike("abc", "a%c")).toBe(true);
    expect(sqliteLike("abc", "a%b")).toBe(false);
    expect(sqliteLike("aXbXc", "%X%X%")).toBe(true);
    expect(sqliteLike("", "%")).toBe(true);
    expect(sqliteLike("", "_")).toBe(false);
  });

  it("folds ASCII case only", () => {
    expect(sqliteLike("ABC", "%b%")).toBe(true);
    expect(sqliteLike("ÉCOLE", "école")).toBe(false);
    expect(sqliteLike("ÉCOLE", "Écol_")).toBe(true);
  });

  it("treats \\ as the escape, and a trailing lone \\ as matching nothing", () => {
    expect(sqliteLike("5_0", "5\\_0")).toBe(true);
    expect(sqliteLike("5x0", "5\\_0")).toBe(false);
    expect(sqliteLike("A", "\\a")).toBe(true); // escaped letters still fold
    expect(sqliteLike("ab\\", "%b\\")).toBe(false);
  });
});

describe("sqliteCompare", () => {
  const int = (num: number) => ({ num, storage: "int" as const });
  const real = (num: number) => ({ num, storage: "real" as const });

  it("applies NUMERIC affinity to text that is exactly a number", () => {
    const views = (num: number) => ({ value: int(num), affinity: "numeric" as const });
    const text = (value: string) => ({ value, affinity: "none" as const });
    expect(sqliteCompare(views(5), text("5"))).toBe(0);
    expect(sqliteCompare(views(5), text(" 5 "))).toBe(0);
    expect(sqliteCompare(views(10), text("1e1"))).toBe(0);
    expect(sqliteCompare(views(5), text("+5."))).toBe(0);
    expect(sqliteCompare(views(5), text("5_0"))).toBe(-1); // stays text: numbers sort first
    expect(sqliteCompare(views(5), text("0x10"))).toBe(-1);
    expect(sqliteCompare(views(5), text("1234567890123456"))).toBeUndefined(); // 16 digits
  });

  it("applies TEXT affinity to a number compared with a text column", () => {
    const title = (value: string) => ({ value, affinity: "text" as const });
    expect(sqliteCompare(title("5.0"), { value: real(5), affinity: "none" })).toBe(0);
    expect(sqliteCompare(title("5"), { value: real(5), affinity: "none" })).toBe(-1);
    expect(sqliteCompare(title("10"), { value: real(9), affinity: "none" })).toBe(-1); // "10" < "9.0"
  });

  it("orders NULL, numbers, text; text by code point", () => {
    const none = (value: MaybeSql): { value: MaybeSql; affinity: "none" } => ({ value, affinity: "none" });
    expect(sqliteCompare(none(null), none("a"))).toBeNull();
    expect(sqliteCompare(none(int(9)), none("1"))).toBe(-1);
    expect(sqliteCompare(none("\uE000"), none("😀"))).toBe(-1);
    expect(sqliteCompare(none("Z"), none("a"))).toBe(-1);
  });

  it("knows only the first character of JSON whose spelling is unknown", () => {
    const opaque = { value: { opaque: "[" as const }, affinity: "none" as const };
    expect(sqliteCompare(opaque, { value: "red", affinity: "none" })).toBe(-1);
    expect(sqliteCompare(opaque, { value: "", affinity: "none" })).toBe(1);
    expect(sqliteCompare(opaque, { value: "[x", affinity: "none" })).toBeUndefined();
    expect(sqliteCompare(opaque, { value: int(1), affinity: "none" })).toBe(1);
  });
});
