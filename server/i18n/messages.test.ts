import { describe, expect, it } from "vitest";
import { catalogueFiles } from "./messages";

describe("message catalogue", () => {
  it("has no top-level key in two domain files", () => {
    const seen = new Map<string, string>();
    for (const [file, content] of Object.entries(catalogueFiles)) {
      for (const key of Object.keys(content)) {
        expect(seen.get(key), `"${key}" is in ${seen.get(key)} and ${file}`).toBeUndefined();
        seen.set(key, file);
      }
    }
  });
});
