import { QueryClient } from "@tanstack/solid-query";
import { describe, expect, it } from "vitest";
import { sharePatchedData } from "../../../src/core/cache/sharePatchedData";
import { pocketbaseKeys } from "../../../src/core/keys/pocketbaseKeys";
import { post, type Post } from "../../helpers/records";

describe("sharePatchedData", () => {
  it("keeps marked data by reference, even when it deep-equals the cached data", () => {
    const previous = [post("a"), post("b")];
    const next = sharePatchedData.mark([post("a"), post("b")]);
    expect(sharePatchedData(previous, next)).toBe(next);
  });

  it("shares unmarked data structurally, as TanStack does by default", () => {
    const previous = [post("a"), post("b")];
    expect(sharePatchedData(previous, [post("a"), post("b")])).toBe(previous);
    const next = sharePatchedData(previous, [post("a"), post("b", { title: "new" })]) as Post[];
    expect(next).not.toBe(previous);
    expect(next[0]).toBe(previous[0]);
    expect(next[1]?.title).toBe("new");
  });

  it("marks only objects, and returns what it is given", () => {
    const data = { items: [] };
    expect(sharePatchedData.mark(data)).toBe(data);
    expect(sharePatchedData.mark(undefined)).toBeUndefined();
    expect(sharePatchedData(undefined, undefined)).toBeUndefined();
  });

  it("as a query's structuralSharing, lets marked data through as the very object written", () => {
    const client = new QueryClient();
    const key = pocketbaseKeys.fullList<Post>("posts");
    client.setQueryDefaults(pocketbaseKeys.all(), { structuralSharing: sharePatchedData });
    const cached = [post("a")];
    client.setQueryData(key, cached);
    const marked = sharePatchedData.mark([post("a")]);
    client.setQueryData(key, marked);
    expect(client.getQueryData(key)).toBe(marked);
    client.setQueryData(key, [post("a")]);
    expect(client.getQueryData(key)).toBe(marked); // unmarked and equal: the cached one is kept
  });
});
