import { and, asc, eq, inArray, isNotNull, isNull, lt, sql } from "drizzle-orm";
import type { Database } from "@/db";
import {
  assessments,
  auditEvents,
  caseIdentities,
  cases,
  caseSummaries,
  caseTransfers,
  closures,
  formDrafts,
  consents,
  contacts,
  goalAgreements,
  goals,
  helpPlanMeasures,
  intakes,
  interimReviews,
  organisations,
  referrals,
  screenings,
  tenants,
  users,
} from "@/db/schema";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../auth/policy";
import { logger } from "../config/logger";
import { todayInBerlin } from "../schemas/calendar-days";
import { readIdentityUnaudited } from "./identity";
import { requireCase } from "./policy";

/**
 * Everything stored about the person of one case (Art. 15 and 20 GDPR), machine-readable: the
 * identity, every form, the organisations information went to, and who accessed the file when.
 * Only for the responsible case manager; the export itself is audited.
 */
export async function exportPersonData(db: Database, actor: Actor, caseId: string) {
  const caseRow = await requireCase(db, actor, caseId, "readIdentity");
  const byCase = <T extends { caseId: unknown }>(table: T) => eq((table as unknown as { caseId: typeof cases.id }).caseId, caseId);
  const [
    identity,
    screening,
    intake,
    consentRows,
    assessmentRows,
    agreementRows,
    goalRows,
    measureRows,
    referralRows,
    contactRows,
    reviewRows,
    closure,
    summaryRows,
    transferRows,
  ] = await Promise.all([
    readIdentityUnaudited(db, caseId),
    db.select().from(screenings).where(byCase(screenings)),
    db.select().from(intakes).where(byCase(intakes)),
    db.select().from(consents).where(byCase(consents)).orderBy(asc(consents.createdAt)),
    db.select().from(assessments).where(byCase(assessments)).orderBy(asc(assessments.assessedOn)),
    db.select().from(goalAgreements).where(byCase(goalAgreements)),
    db.select().from(goals).where(byCase(goals)),
    db.select().from(helpPlanMeasures).where(byCase(helpPlanMeasures)),
    db.select().from(referrals).where(byCase(referrals)),
    db.select().from(contacts).where(byCase(contacts)).orderBy(asc(contacts.contactOn)),
    db.select().from(interimReviews).where(byCase(interimReviews)),
    db.select().from(closures).where(byCase(closures)),
    db.select().from(caseSummaries).where(byCase(caseSummaries)),
    db.select().from(caseTransfers).where(byCase(caseTransfers)),
  ]);
  const organisationIds = [...new Set([...consentRows.flatMap((c) => c.organisationIds), ...referralRows.map((r) => r.organisationId)])];
  const organisationNames = organisationIds.length
    ? await db
        .select({ id: organisations.id, name: organisations.name })
        .from(organisations)
        .where(inArray(organisations.id, organisationIds))
    : [];
  const nameOf = new Map(organisationNames.map((o) => [o.id, o.name]));
  const accessLog = await db
    .select({ at: auditEvents.createdAt, action: auditEvents.action, by: users.displayName })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .where(and(eq(auditEvents.tenantId, actor.tenantId), eq(auditEvents.targetType, "case"), eq(auditEvents.targetId, caseId)))
    .orderBy(asc(auditEvents.id));

  await recordAuditEvent(db, {
    tenantId: actor.tenantId,
    actorUserId: actor.userId,
    action: "cases.person_data_exported",
    target: { type: "case", id: caseId },
  });
  return {
    exportedAt: new Date().toISOString(),
    case: {
      pseudonym: caseRow.pseudonym,
      status: caseRow.status,
      openedOn: caseRow.openedOn,
      admittedOn: caseRow.admittedOn,
      closedOn: caseRow.closedOn,
      accessChannel: caseRow.accessChannel,
    },
    identity,
    screening: screening[0] ?? null,
    intake: intake[0] ?? null,
    consents: consentRows.map((c) => ({ ...c, organisations: c.organisationIds.map((id) => nameOf.get(id) ?? id) })),
    assessments: assessmentRows,
    goalAgreements: agreementRows.map((a) => ({ ...a, goals: goalRows.filter((g) => g.agreementId === a.id) })),
    helpPlanMeasures: measureRows,
    referrals: referralRows.map((r) => ({ ...r, organisation: nameOf.get(r.organisationId) ?? r.organisationId })),
    contacts: contactRows,
    interimReviews: reviewRows,
    closure: closure[0] ?? null,
    caseSummaries: summaryRows,
    transfers: transferRows,
    recipients: organisationIds.map((id) => nameOf.get(id) ?? id),
    accessLog,
  };
}

export type PersonDataExport = Awaited<ReturnType<typeof exportPersonData>>;

/**
 * Erases the identity record and the free text of cases closed longer than the tenant's retention
 * period. Counts, dates, statuses, scales and closing types stay, so statistics remain true.
 */
export async function eraseExpiredIdentities(db: Database, today = todayInBerlin()): Promise<number> {
  const due = await db
    .select({ id: cases.id, tenantId: cases.tenantId })
    .from(cases)
    .innerJoin(tenants, eq(tenants.id, cases.tenantId))
    .where(
      and(
        eq(cases.status, "closed"),
        isNotNull(cases.closedOn),
        isNull(cases.identityErasedAt),
        lt(sql`${cases.closedOn} + ${tenants.identityRetentionDays}`, sql`${today}::date`),
      ),
    );
  for (const { id, tenantId } of due) {
    await db.transaction(async (tx) => {
      await tx.delete(caseIdentities).where(eq(caseIdentities.caseId, id));
      // Unsaved form drafts can hold identifying data too: they go with the identity record.
      await tx.delete(formDrafts).where(eq(formDrafts.caseId, id));
      await tx
        .update(screenings)
        .set({ problemsByArea: {}, otherProblems: "", involvedServices: "", urgentConcern: "" })
        .where(eq(screenings.caseId, id));
      await tx.update(intakes).set({ reason: "" }).where(eq(intakes.caseId, id));
      await tx.update(assessments).set({ answers: {}, resources: "", wishes: "", participants: "" }).where(eq(assessments.caseId, id));
      await tx.update(contacts).set({ topic: "" }).where(eq(contacts.caseId, id));
      await tx
        .update(goals)
        .set({ title: "", explanation: "", measurable: "", steps: [], nextStep: "", attainmentNote: "" })
        .where(eq(goals.caseId, id));
      await tx.update(goalAgreements).set({ participants: "", deviations: "" }).where(eq(goalAgreements.caseId, id));
      await tx.update(helpPlanMeasures).set({ task: "", role: "", responsibility: "" }).where(eq(helpPlanMeasures.caseId, id));
      await tx.update(referrals).set({ note: "" }).where(eq(referrals.caseId, id));
      await tx
        .update(interimReviews)
        .set({ topic: "", cooperation: "", suitability: "", reflection: "" })
        .where(eq(interimReviews.caseId, id));
      await tx
        .update(closures)
        .set({ handedOverTo: "", otherReason: "", cooperation: "", suitability: "", reflection: "" })
        .where(eq(closures.caseId, id));
      await tx.delete(caseSummaries).where(eq(caseSummaries.caseId, id));
      await tx.update(cases).set({ identityErasedAt: new Date() }).where(eq(cases.id, id));
      await recordAuditEvent(tx, { tenantId, actorUserId: null, action: "cases.identity_erased", target: { type: "case", id } });
    });
  }
  if (due.length) logger.info({ erased: due.length }, "identity records erased after retention period");
  return due.length;
}
