import { describe, expect, it } from "vitest";
import { newRecordId } from "../../../src/core/mutations/newRecordId";

describe("newRecordId", () => {
  it("makes 15 characters of [a-z0-9], unique over 10,000 ids, using the whole alphabet evenly", () => {
    const ids = Array.from({ length: 10_000 }, newRecordId);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]{15}$/);
    expect(new Set(ids).size).toBe(ids.length);
    const counts = new Map<string, number>();
    for (const char of ids.join("")) counts.set(char, (counts.get(char) ?? 0) + 1);
    expect(counts.size).toBe(36);
    // 150,000 draws over 36 symbols: ~4,167 each. Modulo bias over bytes would give the first
    // four symbols 8/7 of the rest (~4,700 against ~4,100); rejection sampling keeps them level.
    const expected = (ids.length * 15) / 36;
    for (const count of counts.values()) expect(Math.abs(count - expected) / expected).toBeLessThan(0.08);
  });
});
