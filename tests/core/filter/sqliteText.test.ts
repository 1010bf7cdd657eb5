import { describe, expect, it } from "vitest";
import { sqliteText } from "../../../src/core/filter/sqliteText";
import { UNKNOWN } from "../../../src/core/filter/types";

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
