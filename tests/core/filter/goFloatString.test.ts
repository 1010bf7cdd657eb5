import { describe, expect, it } from "vitest";
import { goFloatString } from "../../../src/core/filter/goFloatString";

// Expected values below were read back from PocketBase 0.40.4 (SQLite via modernc v1.57.0),
// mostly through `title = <number>` and `views ~ "<text>"` filters.

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
