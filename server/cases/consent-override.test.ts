import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { auditEvents, referrals } from "@/db/schema";
import type { Actor } from "../auth/policy";
import type { IdentityInput } from "../schemas/cases";
import { createTestDatabase } from "../test/database";
import { callerFor, createActor, createTenant } from "../test/factories";

describe("break-glass referral without consent", () => {
  let handle: DatabaseHandle;
  let cm: Actor;
  let caseId: string;
  let organisationId: string;

  beforeAll(async () => {
    handle = await createTestDatabase();
    const tenant = await createTenant(handle.db);
    organisationId = tenant.organisation.id;
    cm = await createActor(handle.db, tenant.tenant.id, ["case_manager"]);
    caseId = (
      await callerFor(handle.db, cm).cases.create({
        accessChannel: "walk_in",
        kommuneId: null,
        identity: { lastName: "Notfallmann", firstName: "Nora", birthDate: "1985-05-05" } as IdentityInput,
      })
    ).id;
  });
  afterAll(() => handle.close());

  const referral = (reason: string | null) => ({
    caseId,
    organisationId,
    cmRole: "advocacy" as const,
    mode: "warm_handover" as const,
    referredOn: "2026-11-20",
    consentOverrideReason: reason,
  });
  const reason = "Akute Gefährdung des Kindeswohls, Jugendamt muss sofort eingebunden werden";

  it("needs the dedicated permission; a case manager alone is refused", async () => {
    await expect(callerFor(handle.db, cm).cases.plans.createReferral(referral(null))).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(callerFor(handle.db, cm).cases.plans.createReferral(referral(reason))).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "Für eine Notfallfreigabe fehlt Ihnen die Berechtigung.",
    });
  });

  it("with the permission needs a reason without identifying data, kept with the referral, and leaves an audit row without its text", async () => {
    const withOverride = { ...cm, grants: [...cm.grants, { role: "consent_override" as const, kommuneId: null, bodyId: null }] };
    const caller = callerFor(handle.db, withOverride);
    await expect(caller.cases.plans.createReferral(referral("zu kurz"))).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      caller.cases.plans.createReferral(referral(`Frau Notfallmann ist akut gefährdet und braucht sofort Hilfe`)),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Die Begründung enthält identifizierende Angaben aus dem Aktendeckblatt. Bitte umschreiben.",
    });
    await caller.cases.plans.createReferral(referral(reason));
    const [row] = await handle.db.select().from(referrals).where(eq(referrals.caseId, caseId));
    expect(row!.consentOverrideReason).toBe(reason);
    const [audit] = await handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "cases.consent_overridden"), eq(auditEvents.targetId, caseId)));
    // The log outlives the case's erasure, so it holds no free text of the case.
    expect(audit!.details).toEqual({ referralId: row!.id, organisationId, reasonLength: reason.length });
    await expect(caller.cases.plans.updateReferral({ caseId, referralId: row!.id, status: "accepted" })).resolves.toBeDefined();
  });
});
