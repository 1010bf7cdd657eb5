// A pending record shows a file by its name: what withFileNames writes into the cache, and the
// name blobName gives a File or a nameless Blob.
import { describe, expect, it } from "vitest";
import { blobName } from "../../../src/core/mutations/blobName";
import { withFileNames } from "../../../src/core/mutations/withFileNames";

describe("blobName", () => {
  it("is a file's name, 'blob' for a nameless Blob (as FormData sends it), and nothing for other values", () => {
    expect(blobName(new File(["x"], "scan.pdf"))).toBe("scan.pdf");
    expect(blobName(new Blob(["x"]))).toBe("blob");
    expect(blobName(new File(["x"], ""))).toBe("blob");
    expect(blobName("scan.pdf")).toBeUndefined();
    expect(blobName(null)).toBeUndefined();
  });
});

describe("withFileNames", () => {
  it("puts names where files were, keeps every other value, and keeps modifier keys", () => {
    const scan = new File(["x"], "scan.pdf");
    const photo = new File(["y"], "me.jpg");
    expect(withFileNames({ title: "t", cover: scan, "photos+": [photo], "photos-": ["old.jpg"], "+photos": photo })).toEqual({
      title: "t",
      cover: "scan.pdf",
      "photos+": ["me.jpg"],
      "photos-": ["old.jpg"],
      "+photos": "me.jpg",
    });
  });

  it("keeps the names already in a mixed array, and every value that is no file", () => {
    const photo = new File(["y"], "me.jpg");
    expect(withFileNames({ photos: ["kept_abcdefghij.jpg", photo] })).toEqual({ photos: ["kept_abcdefghij.jpg", "me.jpg"] });
    const plain = { title: "t", tags: ["a"] };
    expect(withFileNames(plain)).toEqual(plain);
  });
});
