import { describe, expect, it } from "vitest";
import { auditActions } from "../schemas/audit-kinds";
import { catalogueFiles } from "./messages";
import { translate } from "./translate";

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

  it("names every audit action in German, so the audit log and the Art. 15 export never show a key", () => {
    const unnamed = auditActions.filter((action) => translate(`audit.actions.${action}`) === `audit.actions.${action}`);
    expect(unnamed).toEqual([]);
  });
});
