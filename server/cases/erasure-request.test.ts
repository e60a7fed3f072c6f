import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { auditEvents, cases, themeSources } from "@/db/schema";
import type { Actor } from "../auth/policy";
import type { IdentityInput } from "../schemas/cases";
import { createCase } from "../test/case-factories";
import { createTestDatabase } from "../test/database";
import { dumpDatabaseText } from "../test/database-dump";
import { callerFor, createActor, createTenant } from "../test/factories";
import { insertTheme } from "../test/theme-factories";

const canary = { lastName: "Seeanemone", firstName: "Hiltrud", birthDate: "1966-06-06", street: "Anemonenpfad 3" } as IdentityInput;

describe("erasure on request (Art. 17 GDPR)", () => {
  let handle: DatabaseHandle;
  let cm: Actor;
  let coordinator: Actor;
  let foreignCoordinator: Actor;
  let closed: { id: string; pseudonym: string };
  let open: { id: string; pseudonym: string };
  let themeId: string;

  beforeAll(async () => {
    handle = await createTestDatabase();
    const tenant = await createTenant(handle.db);
    cm = await createActor(handle.db, tenant.tenant.id, ["case_manager"]);
    coordinator = await createActor(handle.db, tenant.tenant.id, ["coordinator"]);
    foreignCoordinator = await createActor(handle.db, (await createTenant(handle.db)).tenant.id, ["coordinator"]);
    const cmCaller = callerFor(handle.db, cm);
    closed = await createCase(handle.db, { manager: cm, identity: canary, consentFor: [tenant.organisation.id] });
    open = await createCase(handle.db, { manager: cm, consentFor: [tenant.organisation.id] });
    for (const target of [closed, open]) {
      await cmCaller.cases.addConsent({ caseId: target.id, kind: "processing", grantedOn: "2026-01-03" });
      await cmCaller.cases.saveIntake({
        caseId: target.id,
        conductedOn: "2026-01-03",
        decision: "admission",
        reason: target === closed ? "ZITRONE-intake" : "BIRNE-intake",
      });
    }
    await cmCaller.cases.addContact({
      caseId: closed.id,
      contactOn: "2026-01-04",
      channel: "phone",
      durationMinutes: 30,
      topic: "ZITRONE-contact",
    });
    await cmCaller.cases.close({
      caseId: closed.id,
      closedOn: "2026-02-01",
      closingType: "moved_away",
      situationChange: "improved",
      reflection: `ZITRONE-closure ${canary.firstName}`,
    });
    themeId = (
      await insertTheme(handle.db, tenant.tenant.id, coordinator.userId, {
        title: "Schulden",
        sources: [
          { caseId: closed.id, excerpt: "ZITRONE-excerpt" },
          { caseId: open.id, excerpt: "BIRNE-excerpt" },
        ],
      })
    ).id;
  });
  afterAll(() => handle.close());

  it("is refused to everyone but the coordination of the tenant, and for an open case", async () => {
    const input = { caseId: closed.id, confirmation: closed.pseudonym };
    await expect(callerFor(handle.db, null).cases.erase(input)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(callerFor(handle.db, cm).cases.erase(input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(handle.db, foreignCoordinator).cases.erase(input)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerFor(handle.db, coordinator).cases.erase({ caseId: open.id, confirmation: open.pseudonym })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("abgeschlossener Fall"),
    });
    await expect(callerFor(handle.db, coordinator).cases.erase({ caseId: closed.id, confirmation: open.pseudonym })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Das eingegebene Pseudonym stimmt nicht mit diesem Fall überein.",
    });
    expect(await dumpDatabaseText(handle.db)).toContain("ZITRONE-closure");
  });

  it("erases the case at once for the coordination, audited, and leaves a statistics shell and other cases' data", async () => {
    const coordinatorCaller = callerFor(handle.db, coordinator);
    expect((await coordinatorCaller.cases.overview({ caseId: closed.id })).abilities.erase).toBe(true);
    const result = await coordinatorCaller.cases.erase({ caseId: closed.id, confirmation: ` ${closed.pseudonym} ` });
    expect(result.tables).toMatchObject({ case_identities: 1, intakes: 1, contacts: 1, closures: 1, theme_sources: 1 });

    const dump = await dumpDatabaseText(handle.db);
    for (const value of ["ZITRONE", canary.lastName, canary.firstName, canary.street]) expect(dump).not.toContain(value);
    expect(dump).toContain("BIRNE-excerpt");
    expect(dump).toContain("BIRNE-intake");
    const [row] = await handle.db.select().from(cases).where(eq(cases.id, closed.id));
    expect(row).toMatchObject({ status: "closed", closedOn: "2026-02-01" });
    expect(
      await handle.db.select({ caseId: themeSources.caseId }).from(themeSources).where(eq(themeSources.themeId, themeId)),
    ).toHaveLength(2);
    const [audit] = await handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "cases.erased_on_request"), eq(auditEvents.targetId, closed.id)));
    expect(audit).toMatchObject({ actorUserId: coordinator.userId, outcome: "success" });

    const overview = await coordinatorCaller.cases.overview({ caseId: closed.id });
    expect(overview.erasedAt).not.toBeNull();
    expect(overview.abilities.erase).toBe(false);
    await expect(coordinatorCaller.cases.erase({ caseId: closed.id, confirmation: closed.pseudonym })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Die Daten dieses Falls wurden bereits gelöscht.",
    });
  });
});
