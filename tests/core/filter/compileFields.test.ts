import { describe, expect, it } from "vitest";
import { compileFields } from "../../../src/core/filter/compileFields";

const record = { id: "a", title: "T", views: 1, body: "long", collectionName: "posts" };

describe("compileFields", () => {
  it("projects a record onto the listed fields, always keeping id", () => {
    const projection = compileFields(" title , views")!;
    expect(projection.project(record)).toEqual({ id: "a", title: "T", views: 1 });
    expect(projection.project({ id: "b", title: "U" })).toStrictEqual({ id: "b", title: "U" }); // adds no missing keys
    expect(projection.keeps("id")).toBe(true);
    expect(projection.keeps("views")).toBe(true);
    expect(projection.keeps("body")).toBe(false);
  });

  it("keeps everything without fields or with *", () => {
    for (const fields of [undefined, "*", "*,title", "title, *"]) {
      const projection = compileFields(fields)!;
      expect(projection.project(record), String(fields)).toEqual(record);
      expect(projection.keeps("body"), String(fields)).toBe(true);
    }
  });

  it("is undefined for what only the server can project: dotted paths and modifiers", () => {
    expect(compileFields("expand.author.name")).toBeUndefined();
    expect(compileFields("id,expand.author")).toBeUndefined();
    expect(compileFields("*,expand.author.name")).toBeUndefined();
    expect(compileFields("title,description:excerpt(20)")).toBeUndefined();
  });
});
