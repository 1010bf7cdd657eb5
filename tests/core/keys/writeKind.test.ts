import { describe, expect, it } from "vitest";
import { pocketbaseKeys } from "../../../src/core/keys/pocketbaseKeys";
import { writeKind } from "../../../src/core/keys/writeKind";

describe("writeKind", () => {
  it("names the write of each of this library's mutation keys", () => {
    expect(writeKind(pocketbaseKeys.mutation("posts", "create"))).toBe("create");
    expect(writeKind(pocketbaseKeys.mutation("posts", "update"))).toBe("update");
    expect(writeKind(pocketbaseKeys.mutation("posts", "delete"))).toBe("delete");
  });

  it("leaves every other key alone: the app's own mutations and this library's queries", () => {
    expect(writeKind(undefined)).toBeUndefined();
    expect(writeKind(["todos", "create"])).toBeUndefined();
    expect(writeKind(["other", "posts", "create"])).toBeUndefined();
    expect(writeKind(pocketbaseKeys.lists("posts"))).toBeUndefined();
    expect(writeKind(["pocketbase", "posts", "create", "extra"])).toBeUndefined();
  });
});
