import type { RecordModel } from "pocketbase";
import { describe, expect, it } from "vitest";
import { matches } from "../../../src/core/filter/matches";

const post = (id: string, fields: Record<string, unknown> = {}): RecordModel => ({
  id,
  collectionId: "pbc_posts",
  collectionName: "posts",
  title: id,
  status: "published",
  views: 0,
  ...fields,
});

describe("matches", () => {
  it("decides filtered lists with the filter grammar", () => {
    expect(matches({}, post("a"))).toBe(true);
    expect(matches({ filter: 'status = "published" && views >= 1' }, post("a", { views: 1 }))).toBe(true);
    expect(matches({ filter: 'status = "published" && views >= 1' }, post("a"))).toBe(false);
    expect(matches({ filter: "author.name = 'x'" }, post("a"))).toBeUndefined();
  });
});
