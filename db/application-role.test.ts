import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabaseHandle } from "@/server/test/database";

// Embedded PGlite has a single role; the separation is a property of a PostgreSQL server.
describe.runIf(process.env.TEST_DB_DRIVER === "postgres")("the application's database role (A9)", () => {
  let handle: TestDatabaseHandle;

  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(() => handle.close());

  it("owns no table, sequence or function", async () => {
    const owned = await handle.db.execute<{ count: number }>(sql`
      SELECT count(*)::int AS count FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND pg_get_userbyid(c.relowner) = current_user`);
    expect([...(owned as unknown as { count: number }[])]).toEqual([{ count: 0 }]);
  });

  /** The server's own words, under the query wrapper's "Failed query: …". */
  async function refusal(statement: ReturnType<typeof sql>): Promise<string> {
    const error = await handle.db.execute(statement).then(
      () => null,
      (e: Error & { cause?: Error }) => e.cause?.message ?? e.message,
    );
    return error ?? "accepted";
  }

  it("cannot change the schema, the triggers or the audit log", async () => {
    expect(await refusal(sql`CREATE TABLE stolen (x text)`)).toMatch(/permission denied for schema public/);
    expect(await refusal(sql`DROP TABLE cases`)).toMatch(/must be owner of table cases/);
    expect(await refusal(sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_or_delete`)).toMatch(/must be owner/);
    expect(await refusal(sql`UPDATE audit_events SET action = 'x'`)).toMatch(/permission denied for table audit_events/);
    expect(await refusal(sql`TRUNCATE audit_events`)).toMatch(/permission denied for table audit_events/);
  });

  it("reads and writes rows as the application needs", async () => {
    const inserted = await handle.db.execute<{ id: string }>(
      sql`INSERT INTO tenants (name, slug) VALUES ('Kreis Rolle', 'kreis-rolle') RETURNING id`,
    );
    expect((inserted as unknown as { id: string }[])[0]?.id).toMatch(/^[0-9a-f-]{36}$/);
  });
});
