import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { bodySessions } from "@/db/schema";
import { createTestDatabase } from "../test/database";
import { createActor, createTenant } from "../test/factories";
import { seedSessions } from "./seed-sessions";

describe("demo sessions", () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(() => handle.close());

  it("seeds held and planned sessions with approved minutes, also without any themes", async () => {
    const { tenant } = await createTenant(handle.db);
    await createActor(handle.db, tenant.id, ["coordinator"]);
    await seedSessions(handle.db, tenant.id);
    const sessions = await handle.db.select().from(bodySessions).where(eq(bodySessions.tenantId, tenant.id));
    expect(sessions.map((s) => s.status).sort()).toEqual(["closed", "held", "planned", "planned"]);
    expect(sessions.find((s) => s.status === "closed")!.minutesApprovedInSessionId).toBeTruthy();
  });
});
