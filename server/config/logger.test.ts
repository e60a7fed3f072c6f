import { Writable } from "node:stream";
import { sql } from "drizzle-orm";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { createTestDatabase } from "../test/database";
import { loggerOptions } from "./logger";

describe("structured logs", () => {
  it("keep CR, LF, ANSI and control characters from user input inside one escaped JSON line", async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(...String(chunk).split("\n").filter(Boolean));
        done();
      },
    });
    const log = pino({ base: undefined }, sink);
    const hostile = 'admin\r\n{"level":30,"msg":"forged"}\u001b[31m\u0000';
    log.info({ username: hostile }, "sign-in failed");
    expect(lines).toHaveLength(1);
    const parsed = JSON.parse(lines[0]!);
    expect(parsed.username).toBe(hostile);
    expect(lines[0]).not.toContain("\r");
    expect(lines[0]).toContain("\\r\\n");
    expect(lines[0]).toContain("\\u001b");
  });
});

describe("logs of failed queries", () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(() => handle.close());

  it("hold the SQL and the database's error code, never the values the query was given", async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const log = pino({ ...loggerOptions, level: "info" }, sink);
    const cardText = "Frau Quastenflosser http://a.de:8080/x?y=1";
    const error = await handle.db.execute(sql`select to_tsquery('german', ${cardText})`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    log.error({ err: error }, "procedure failed");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("to_tsquery");
    expect(lines[0]).toContain("42601");
    expect(lines[0]).not.toContain("Quastenflosser");
    expect(lines[0]).not.toContain("a.de");
  });
});
