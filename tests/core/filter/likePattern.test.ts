import { describe, expect, it } from "vitest";
import { likePattern } from "../../../src/core/filter/likePattern";

// Expected values below were read back from PocketBase 0.40.4 (SQLite via modernc v1.57.0),
// mostly through `title = <number>` and `views ~ "<text>"` filters.

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
