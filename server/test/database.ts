import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { openDatabase, type Database, type DatabaseHandle } from "@/db";

/** The role the tests' application connects as on PostgreSQL: it owns nothing, as in production. */
export const applicationRole = "kim_app";

export interface TestDatabaseHandle extends DatabaseHandle {
  /**
   * The same database as its owner, for tests that play an administrator (disabling a trigger,
   * rewriting a row). On embedded PGlite there is one role, so it is the same connection.
   */
  asOwner: () => Promise<Database>;
  /** On PostgreSQL, the database's address as its owner (for the realtime adapter of a test server). */
  ownerUrl?: string;
}

/**
 * A fresh, migrated database for one test file: in-memory PGlite, or a new database on the
 * PostgreSQL server at TEST_DATABASE_URL (migrated by the owner, used by the application's own
 * role), dropped again on close.
 */
export async function createTestDatabase(): Promise<TestDatabaseHandle> {
  if (process.env.TEST_DB_DRIVER !== "postgres") {
    const handle = await openDatabase({ driver: "pglite", dataDir: undefined });
    return { ...handle, asOwner: async () => handle.db };
  }
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error("TEST_DATABASE_URL is required for the postgres test project");
  const name = `kim_test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  // Test files start in parallel: a second CREATE ROLE may meet the first in the catalogue's index.
  await admin.unsafe(`DO $$ BEGIN CREATE ROLE ${applicationRole} LOGIN;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$`);
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const ownerUrl = new URL(serverUrl);
  ownerUrl.pathname = `/${name}`;
  const appUrl = new URL(ownerUrl);
  appUrl.username = applicationRole;
  appUrl.password = "";
  const handle = await openDatabase({ driver: "postgres", url: appUrl.toString(), migrationUrl: ownerUrl.toString() });
  let owner: DatabaseHandle | undefined;
  return {
    ...handle,
    ownerUrl: ownerUrl.toString(),
    asOwner: async () => (owner ??= await openDatabase({ driver: "postgres", url: ownerUrl.toString() })).db,
    close: async () => {
      await handle.close();
      await owner?.close();
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}
