import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "@/db/schema";
import { createTestDatabase, type TestDatabaseHandle } from "../test/database";
import { createTenant } from "../test/factories";
import { auditChainKey, auditMac } from "./audit-chain";
import { findTamperedAuditEvents } from "./list-audit-events";
import { recordAuditEvent } from "./record-audit-event";

describe("audit log", () => {
  let handle: TestDatabaseHandle;
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
    const db = await handle.asOwner();
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
    const db = await handle.asOwner();
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

  it("shows a row rewritten by an administrator who also recomputed every digest after it", async () => {
    const db = await handle.asOwner();
    const rows = await db.select().from(auditEvents).where(eq(auditEvents.tenantId, tenantId)).orderBy(auditEvents.id);
    const last = rows[rows.length - 1]!;
    // The database's own functions are all an administrator needs to re-seal the digest chain.
    await db.transaction(async (tx) => {
      await tx.execute(sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_or_delete`);
      await tx.execute(sql`UPDATE audit_events SET details = '{"note":"harmlos"}'::jsonb WHERE id = ${last.id}`);
      await tx.execute(sql`
        UPDATE audit_events e SET digest = audit_event_digest(e.previous_digest, e) WHERE id = ${last.id}`);
      await tx.execute(sql`ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_or_delete`);
    });
    const tampered = await findTamperedAuditEvents(handle.db, tenantId);
    expect(tampered).toContain(last.id);
  });

  it("seals with a key the database does not hold: the same row under another key does not verify", async () => {
    const [row] = await handle.db.select().from(auditEvents).where(eq(auditEvents.tenantId, tenantId)).orderBy(auditEvents.id).limit(1);
    const content = { ...row!, previousMac: null };
    expect(Buffer.from(row!.mac!).equals(auditMac(auditChainKey(), null, content))).toBe(true);
    expect(Buffer.from(row!.mac!).equals(auditMac(Buffer.alloc(32, 1), null, content))).toBe(false);
  });
});
