import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { auditEvents } from "@/db/schema";
import { createTestDatabase } from "../test/database";
import { createTenant } from "../test/factories";
import { findTamperedAuditEvents } from "./list-audit-events";
import { recordAuditEvent } from "./record-audit-event";

describe("audit log", () => {
  let handle: DatabaseHandle;
  let tenantId: string;

  beforeAll(async () => {
    handle = await createTestDatabase();
    tenantId = (await createTenant(handle.db)).tenant.id;
    for (const action of ["tenancy.kommune_created", "users.user_created", "auth.sign_in"] as const) {
      await recordAuditEvent(handle.db, { tenantId, actorUserId: null, action, details: { note: `${action}\r\nforged` } });
    }
  });
  afterAll(() => handle.close());

  it("refuses UPDATE, DELETE and TRUNCATE, even for the table owner", async () => {
    const { db } = handle;
    await expect(db.update(auditEvents).set({ action: "auth.sign_in" }).where(eq(auditEvents.tenantId, tenantId))).rejects.toThrow();
    await expect(db.delete(auditEvents).where(eq(auditEvents.tenantId, tenantId))).rejects.toThrow();
    await expect(db.execute(sql`TRUNCATE audit_events`)).rejects.toThrow();
    const rows = await db.select().from(auditEvents).where(eq(auditEvents.tenantId, tenantId));
    expect(rows.map((row) => row.action)).toEqual(["tenancy.kommune_created", "users.user_created", "auth.sign_in"]);
  });

  it("chains every row to its predecessor, and the chain verifies", async () => {
    const rows = await handle.db.select().from(auditEvents).where(eq(auditEvents.tenantId, tenantId)).orderBy(auditEvents.id);
    expect(rows[0]!.previousDigest).toBeNull();
    for (let i = 1; i < rows.length; i++) {
      expect(Buffer.from(rows[i]!.previousDigest!).equals(Buffer.from(rows[i - 1]!.digest!))).toBe(true);
    }
    expect(await findTamperedAuditEvents(handle.db, tenantId)).toEqual([]);
  });

  it("shows a row changed behind the triggers' back (as a superuser could)", async () => {
    const { db } = handle;
    const [second] = await db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.tenantId, tenantId))
      .orderBy(auditEvents.id)
      .offset(1)
      .limit(1);
    await db.transaction(async (tx) => {
      await tx.execute(sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_or_delete`);
      await tx.execute(sql`UPDATE audit_events SET action = 'users.user_deactivated' WHERE id = ${second!.id}`);
      await tx.execute(sql`ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_or_delete`);
    });
    expect(await findTamperedAuditEvents(handle.db, tenantId)).toEqual([second!.id]);
  });
});
