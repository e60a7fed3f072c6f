import { and, asc, eq, inArray } from "drizzle-orm";
import type { Database } from "@/db";
import {
  assessments,
  auditEvents,
  cases,
  caseSummaries,
  caseTransfers,
  closures,
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
  users,
} from "@/db/schema";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../auth/policy";
import { readIdentityUnaudited } from "./identity";
import { conferenceDataOfCase } from "./person-data-conferences";
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
  const conferenceData = await conferenceDataOfCase(db, caseRow, identity, consentRows);
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
    ...conferenceData,
    accessLog,
  };
}

export type PersonDataExport = Awaited<ReturnType<typeof exportPersonData>>;
