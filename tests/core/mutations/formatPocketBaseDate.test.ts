import { describe, expect, it } from "vitest";
import { formatPocketBaseDate } from "../../../src/core/mutations/formatPocketBaseDate";

describe("formatPocketBaseDate", () => {
  it("writes UTC with milliseconds and a space, like PocketBase", () => {
    expect(formatPocketBaseDate(new Date(Date.UTC(2006, 0, 2, 15, 4, 5, 0)))).toBe("2006-01-02 15:04:05.000Z");
    expect(formatPocketBaseDate(new Date("2024-12-31T23:59:59.999+02:00"))).toBe("2024-12-31 21:59:59.999Z");
  });

  it("throws on an invalid date", () => {
    expect(() => formatPocketBaseDate(new Date(Number.NaN))).toThrow(RangeError);
  });
});
