/**
 * The PostgreSQL server a bench runs on: the one DATABASE_URL or TEST_DATABASE_URL names, or a
 * throwaway one on loopback started with .ci/start-postgres.sh; each run gets a fresh database.
 */
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import postgres from "postgres";

export interface PostgresServer {
  url: string;
  stop: () => void;
}

/** The configured PostgreSQL server, or a throwaway one on loopback started for this run. */
export function postgresServer(): PostgresServer {
  const configured = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (configured) return { url: configured, stop: () => {} };
  const output = execFileSync("bash", [".ci/start-postgres.sh"], { encoding: "utf8" });
  const url = /TEST_DATABASE_URL=(\S+)/.exec(output)![1]!;
  const dir = /PG_DIR=(\S+)/.exec(output)![1]!;
  return { url, stop: () => execFileSync("bash", [".ci/stop-postgres.sh", dir]) };
}

/** A fresh database on the server, dropped again by `drop`. */
export async function freshDatabase(serverUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `kim_bench_${randomBytes(4).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}
