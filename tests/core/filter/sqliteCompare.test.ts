import { describe, expect, it } from "vitest";
import { sqliteCompare } from "../../../src/core/filter/sqliteCompare";
import { type MaybeSql } from "../../../src/core/filter/types";

// Expected values below were read back from PocketBase 0.40.4 (SQLite via modernc v1.57.0),
// mostly through `title = <number>` and `views ~ "<text>"` filters.

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
