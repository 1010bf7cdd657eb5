import { describe, expect, it } from "vitest";
import { splitParams } from "../../../src/core/keys/splitParams";

describe("splitParams", () => {
  it("puts the PocketBase query parameters on one side and every other option on the other", () => {
    const select = (data: unknown) => data;
    const [params, rest] = splitParams({
      filter: "a = 1",
      sort: "-created",
      expand: "author",
      fields: "id",
      page: 2,
      perPage: 10,
      skipTotal: true,
      enabled: false,
      staleTime: 1000,
      select,
    });
    expect(params).toEqual({
      filter: "a = 1",
      sort: "-created",
      expand: "author",
      fields: "id",
      page: 2,
      perPage: 10,
      skipTotal: true,
    });
    expect(rest).toEqual({ enabled: false, staleTime: 1000, select });
  });

  it("gives two empty objects for no options", () => {
    expect(splitParams(undefined)).toEqual([{}, {}]);
  });
});
