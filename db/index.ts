import { cpSync, existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import type { ExtractTablesWithRelations, SQL } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import * as schema from "./schema";

export { schema };
export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Services accept either, so callers can compose them inside one transaction. */
export type Executor = Database | Transaction;

export type DatabaseTarget =
  /** With `migrationUrl` (the owner), `url` names a role that owns nothing and gets the rights below. */
  | { driver: "postgres"; url: string; migrationUrl?: string }
  /** `emptyTemplate`: a data folder made at build time (see below), copied into a fresh `dataDir`. */
  | { driver: "pglite"; dataDir: string | undefined; emptyTemplate?: string };

export interface DatabaseHandle {
  db: Database;
  driver: DatabaseTarget["driver"];
  close: () => Promise<void>;
}

const migrationsFolder = path.join(process.cwd(), "db", "migrations");

/**
 * Opens the database and applies pending migrations. PGlite (embedded PostgreSQL) when no URL is
 * given, postgres.js otherwise; callers see the same Drizzle API either way.
 */
export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  if (target.driver === "postgres") {
    const { default: postgres } = await import("postgres");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    const { migrate } = await import("drizzle-orm/postgres-js/migrator");
    if (target.migrationUrl) {
      const owner = postgres(target.migrationUrl, { max: 1, onnotice: () => {} });
      try {
        const ownerDb = drizzle(owner, { schema });
        await migrate(ownerDb, { migrationsFolder });
        await grantApplicationRights(owner, decodeURIComponent(new URL(target.url).username));
      } finally {
        await owner.end();
      }
    }
    const client = postgres(target.url, { max: 10, onnotice: () => {} });
    const db = drizzle(client, { schema });
    if (!target.migrationUrl) await migrate(db, { migrationsFolder });
    return { db: db as unknown as Database, driver: "postgres", close: () => client.end() };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  // PGlite does not create parent folders of its data directory.
  if (target.dataDir) mkdirSync(path.dirname(path.resolve(target.dataDir)), { recursive: true });
  // A fresh folder starts from the template instead of PostgreSQL's initdb and every migration,
  // the slowest part of a first start; migrations newer than the template still run below.
  const { dataDir, emptyTemplate } = target;
  if (dataDir && emptyTemplate && !existsSync(path.join(dataDir, "PG_VERSION")) && existsSync(path.join(emptyTemplate, "PG_VERSION"))) {
    cpSync(emptyTemplate, dataDir, { recursive: true });
  }
  const client = await PGlite.create(dataDir);
  const db = drizzle(client, { schema });
  await migrate(db, { migrationsFolder });
  return { db: db as unknown as Database, driver: "pglite", close: () => client.close() };
}

/**
 * Writes an empty embedded database with every migration applied to `folder`, for `emptyTemplate`:
 * made beside it and renamed when complete, so a start never copies a half-made one.
 */
export async function writeMigratedEmptyDatabase(folder: string): Promise<void> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  const unfinished = `${folder}.unfinished`;
  rmSync(unfinished, { recursive: true, force: true });
  const client = await PGlite.create(unfinished);
  await migrate(drizzle(client, { schema }), { migrationsFolder });
  await client.close();
  rmSync(folder, { recursive: true, force: true });
  renameSync(unfinished, folder);
}

/**
 * What the application's role may do (A9): read and write rows, never change the schema, and on
 * the audit log only insert and read. Given again after every migration, for tables it added.
 */
async function grantApplicationRights(owner: import("postgres").Sql, role: string) {
  const grantee = owner(role);
  await owner`GRANT USAGE ON SCHEMA public TO ${grantee}`;
  await owner`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${grantee}`;
  await owner`REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM ${grantee}`;
  await owner`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${grantee}`;
}

type GlobalWithDatabase = typeof globalThis & { __kimDatabase?: Promise<DatabaseHandle> };

/**
 * The process-wide database. The server (tsx) and Next's bundle each load this module, so the
 * handle lives on globalThis: two PGlite instances on one folder would silently lose writes.
 */
export function getDatabaseHandle(options: { emptyTemplate?: string } = {}): Promise<DatabaseHandle> {
  const g = globalThis as GlobalWithDatabase;
  if (!g.__kimDatabase) {
    const target = databaseTargetFromEnv();
    g.__kimDatabase = openDatabase(target.driver === "pglite" ? { ...target, ...options } : target);
  }
  return g.__kimDatabase;
}

export async function getDb(): Promise<Database> {
  return (await getDatabaseHandle()).db;
}

export function databaseTargetFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  if (env.DATABASE_URL) return { driver: "postgres", url: env.DATABASE_URL, migrationUrl: env.DATABASE_MIGRATION_URL };
  return { driver: "pglite", dataDir: env.PGLITE_DATA_DIR ?? path.join(".data", "pglite") };
}

interface DrizzleInternals {
  session: { prepareQuery: (query: unknown, fields: undefined, name: string, arrayMode: false) => { execute: () => Promise<unknown> } };
  dialect: { sqlToQuery: (query: SQL) => unknown };
}

/**
 * Runs a statement as a named prepared statement, so the server plans it once per connection instead
 * of on every call: for the few raw statements on the hot path of a live board (query builders have
 * `.prepare(name)` for the same).
 */
export async function executePrepared<Row>(db: Executor, name: string, query: SQL): Promise<Row[]> {
  const { session, dialect } = db as unknown as DrizzleInternals;
  const result = await session.prepareQuery(dialect.sqlToQuery(query), undefined, name, false).execute();
  return (Array.isArray(result) ? result : (result as { rows: Row[] }).rows) as Row[];
}
