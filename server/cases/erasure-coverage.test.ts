import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { createTestDatabase } from "../test/database";
import { erasureSteps, tablesWithoutCaseText } from "./erasure-tables";

describe("erasure table list", () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(() => handle.close());

  it("names every table with a case_id column, so a new table about cases cannot be forgotten", async () => {
    const result = await handle.db.execute<{ table_name: string }>(
      sql`select table_name from information_schema.columns where table_schema = 'public' and column_name = 'case_id'`,
    );
    const rows = Array.isArray(result) ? result : (result as unknown as { rows: { table_name: string }[] }).rows;
    const listed = new Set([...erasureSteps.map((step) => step.table), ...Object.keys(tablesWithoutCaseText)]);
    expect(rows.map((r) => r.table_name).filter((table) => !listed.has(table))).toEqual([]);
  });
});
