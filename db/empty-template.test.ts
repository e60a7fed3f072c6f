import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { tenants } from "@/db/schema";
import { openDatabase, writeMigratedEmptyDatabase } from "@/db";

function filesOf(folder: string): Record<string, number> {
  const files: Record<string, number> = {};
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else files[path.relative(folder, full)] = statSync(full).mtimeMs;
    }
  };
  visit(folder);
  return files;
}

// The embedded database only: a PostgreSQL server has no data folder of ours to start from.
describe.runIf(process.env.TEST_DB_DRIVER !== "postgres")("the empty database shipped with the build", () => {
  const folder = mkdtempSync(path.join(tmpdir(), "kim-template-"));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it("is where a fresh data folder starts from, and stays untouched by what is written there", async () => {
    const template = path.join(folder, "template");
    await writeMigratedEmptyDatabase(template);
    // A row only the template has shows that a fresh folder really starts from it.
    const marking = await openDatabase({ driver: "pglite", dataDir: template });
    await marking.db.insert(tenants).values({ name: "Aus der Vorlage", slug: "aus-der-vorlage" });
    await marking.close();
    const before = filesOf(template);

    const dataDir = path.join(folder, "data", "pglite");
    const handle = await openDatabase({ driver: "pglite", dataDir, emptyTemplate: template });
    expect((await handle.db.select({ slug: tenants.slug }).from(tenants)).map((t) => t.slug)).toEqual(["aus-der-vorlage"]);
    await handle.db.insert(tenants).values({ name: "Kreis Vorlage", slug: "kreis-vorlage" });
    await handle.close();
    expect(filesOf(template)).toEqual(before);

    // The same folder opened again keeps its data; the template is only for an empty folder.
    const reopened = await openDatabase({ driver: "pglite", dataDir, emptyTemplate: template });
    const slugs = (await reopened.db.select({ slug: tenants.slug }).from(tenants)).map((t) => t.slug);
    expect(slugs.sort()).toEqual(["aus-der-vorlage", "kreis-vorlage"]);
    await reopened.close();
  }, 120_000);
});
