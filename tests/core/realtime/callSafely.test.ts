// @vitest-environment node
import { afterEach, describe, expect, it, vi } from "vitest";
import { callSafely } from "../../../src/core/realtime/callSafely";

afterEach(() => vi.restoreAllMocks());

describe("callSafely", () => {
  it("a listener that throws is reported and the next one still runs", () => {
    const report = vi.spyOn(console, "error").mockImplementation(() => {});
    const heard: string[] = [];
    for (const listener of [() => heard.push("first"), () => { throw new Error("broken listener"); }, () => heard.push("third")]) {
      callSafely(() => void listener());
    }
    expect(heard).toEqual(["first", "third"]);
    expect(report).toHaveBeenCalledWith("solid-query-pocketbase: a realtime listener threw", new Error("broken listener"));
  });
});
