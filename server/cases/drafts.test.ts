import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { auditEvents, formDrafts } from "@/db/schema";
import type { Actor } from "../auth/policy";
import type { IdentityInput } from "../schemas/cases";
import { createTestDatabase } from "../test/database";
import { callerFor, createActor, createTenant } from "../test/factories";

describe("form drafts", () => {
  let handle: DatabaseHandle;
  let cm: Actor;
  let otherCm: Actor;
  let caseId: string;

  beforeAll(async () => {
    handle = await createTestDatabase();
    const { tenant } = await createTenant(handle.db);
    cm = await createActor(handle.db, tenant.id, ["case_manager"]);
    otherCm = await createActor(handle.db, tenant.id, ["case_manager"]);
    caseId = (
      await callerFor(handle.db, cm).cases.create({
        accessChannel: "walk_in",
        kommuneId: null,
        identity: { lastName: "Entwurf", firstName: "Erna", birthDate: "1990-01-01" } as IdentityInput,
      })
    ).id;
  });
  afterAll(() => handle.close());

  it("keeps an unfinished form on the server, encrypted, for its author only, until discarded", async () => {
    const caller = callerFor(handle.db, cm);
    expect(await caller.cases.draft({ caseId, formKey: "summary" })).toBeNull();
    await caller.cases.saveDraft({
      caseId,
      formKey: "summary",
      fields: { title: ["Halb fertig"], body: ["Wohnungssuche Familie Geheimname"] },
    });
    await caller.cases.saveDraft({ caseId, formKey: "summary", fields: { title: ["Fast fertig"], body: ["Wohnungssuche"] } });
    expect(await caller.cases.draft({ caseId, formKey: "summary" })).toMatchObject({
      fields: { title: ["Fast fertig"], body: ["Wohnungssuche"] },
    });
    const rows = await handle.db.select().from(formDrafts).where(eq(formDrafts.caseId, caseId));
    expect(rows).toHaveLength(1);
    expect(Buffer.from(rows[0]!.ciphertext).toString("latin1")).not.toContain("Wohnungssuche");
    await expect(callerFor(handle.db, otherCm).cases.draft({ caseId, formKey: "summary" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(caller.cases.saveDraft({ caseId, formKey: "unbekannt" as never, fields: {} })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await caller.cases.discardDraft({ caseId, formKey: "summary" });
    expect(await caller.cases.draft({ caseId, formKey: "summary" })).toBeNull();
  });

  it("audits reading an Aktendeckblatt draft like the record itself", async () => {
    const caller = callerFor(handle.db, cm);
    await caller.cases.saveDraft({ caseId, formKey: "identity", fields: { street: ["Entwurfsgasse 7"] } });
    const readsBefore = await handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "cases.identity_read"), eq(auditEvents.targetId, caseId)));
    expect(await caller.cases.draft({ caseId, formKey: "identity" })).toMatchObject({ fields: { street: ["Entwurfsgasse 7"] } });
    const readsAfter = await handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "cases.identity_read"), eq(auditEvents.targetId, caseId)));
    expect(readsAfter.length).toBe(readsBefore.length + 1);
  });
});
