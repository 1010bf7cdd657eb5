import { QueryClient } from "@tanstack/solid-query";
import { describe, expect, it } from "vitest";
import { fieldTypesRegistry } from "../../../src/core/filter/fieldTypesRegistry";

describe("fieldTypesRegistry", () => {
  it("keeps field types per cache and per collection", () => {
    const cache = new QueryClient();
    const other = new QueryClient();
    fieldTypesRegistry.set(cache, { posts: { tags: "select", meta: "json" }, authors: { name: "text" } });
    expect(fieldTypesRegistry.get(cache, "posts")).toEqual({ tags: "select", meta: "json" });
    expect(fieldTypesRegistry.get(cache, "authors")).toEqual({ name: "text" });
    expect(fieldTypesRegistry.get(cache, "comments")).toBeUndefined();
    expect(fieldTypesRegistry.get(other, "posts")).toBeUndefined();
  });

  it("replaces what was set for a cache before", () => {
    const cache = new QueryClient();
    fieldTypesRegistry.set(cache, { posts: { tags: "select" } });
    fieldTypesRegistry.set(cache, { authors: { name: "text" } });
    expect(fieldTypesRegistry.get(cache, "posts")).toBeUndefined();
    expect(fieldTypesRegistry.get(cache, "authors")).toEqual({ name: "text" });
  });
});
