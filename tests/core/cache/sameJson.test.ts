import { describe, expect, it } from "vitest";
import { sameJson } from "../../../src/core/cache/sameJson";

describe("sameJson", () => {
  it("compares primitives by value and type", () => {
    expect(sameJson("a", "a")).toBe(true);
    expect(sameJson(1, "1")).toBe(false);
    expect(sameJson(null, null)).toBe(true);
    expect(sameJson(null, {})).toBe(false);
    expect(sameJson({}, null)).toBe(false);
  });

  it("compares arrays by position and length", () => {
    expect(sameJson(["x", ["y"]], ["x", ["y"]])).toBe(true);
    expect(sameJson(["x", "y"], ["y", "x"])).toBe(false);
    expect(sameJson(["x"], ["x", "y"])).toBe(false);
    expect(sameJson(["x", "y"], ["x"])).toBe(false);
  });

  it("tells an array from an object with the same indexes", () => {
    expect(sameJson(["a"], { 0: "a" })).toBe(false);
    expect(sameJson({ 0: "a" }, ["a"])).toBe(false);
    expect(sameJson([], {})).toBe(false);
    expect(sameJson(["a"], { 0: "a", length: 1 })).toBe(false);
  });

  it("compares objects by key, in any order, deeply", () => {
    expect(sameJson({ id: "a", tags: ["x"], expand: { u: { n: 1 } } }, { expand: { u: { n: 1 } }, tags: ["x"], id: "a" })).toBe(true);
    expect(sameJson({ id: "a", expand: { u: { n: 1 } } }, { id: "a", expand: { u: { n: 2 } } })).toBe(false);
    expect(sameJson({ id: "a" }, { id: "a", title: "" })).toBe(false);
  });

  it("counts a key whose value is undefined as absent, as a JSON round trip would", () => {
    expect(sameJson({ id: "a", title: undefined }, { id: "a" })).toBe(true);
    expect(sameJson({ id: "a" }, { id: "a", title: undefined })).toBe(true);
    expect(sameJson({ id: "a", title: null }, { id: "a" })).toBe(false);
  });
});
