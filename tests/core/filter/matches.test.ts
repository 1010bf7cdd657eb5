import { describe, expect, it } from "vitest";
import { matches } from "../../../src/core/filter/matches";
import { post as basePost, type Post } from "../../helpers/records";

const post = (id: string, fields: Partial<Post> = {}): Post => basePost(id, { status: "published", ...fields });

describe("matches", () => {
  it("decides filtered lists with the filter grammar", () => {
    expect(matches({}, post("a"))).toBe(true);
    expect(matches({ filter: 'status = "published" && views >= 1' }, post("a", { views: 1 }))).toBe(true);
    expect(matches({ filter: 'status = "published" && views >= 1' }, post("a"))).toBe(false);
    expect(matches({ filter: "author.name = 'x'" }, post("a"))).toBeUndefined();
  });
});
