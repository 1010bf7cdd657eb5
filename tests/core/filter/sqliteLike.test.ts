import { describe, expect, it } from "vitest";
import { sqliteLike } from "../../../src/core/filter/sqliteLike";

// Expected values below were read back from PocketBase 0.40.4 (SQLite via modernc v1.57.0),
// mostly through `title = <number>` and `views ~ "<text>"` filters.

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
