import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { createTestDatabase } from "../test/database";
import { healthResponse } from "./health";

const holder = globalThis as { __kimDatabase?: Promise<DatabaseHandle> };

describe("/api/health", () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(async () => {
    delete holder.__kimDatabase;
    await handle.close();
  });

  it("tells an anonymous caller that it is up and nothing more: no driver, no timings, no versions", async () => {
    holder.__kimDatabase = Promise.resolve(handle);
    const response = await healthResponse();
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(JSON.stringify({ status: "ok" }));
  });

  it("says only 'not ok' when the database is gone, without the reason", async () => {
    holder.__kimDatabase = Promise.reject(new Error("connect ECONNREFUSED 10.0.0.5:5432 (postgres 15.4)"));
    holder.__kimDatabase.catch(() => undefined);
    const response = await healthResponse();
    expect(response.status).toBe(503);
    expect(await response.text()).toBe(JSON.stringify({ status: "error" }));
  });
});
