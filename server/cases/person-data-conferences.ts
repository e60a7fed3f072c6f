import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import {
  auditEvents,
  boardCards,
  casePollAnswers,
  casePolls,
  conferenceCases,
  conferenceParticipants,
  conferences,
  consents,
  organisations,
  themes,
  themeSources,
  users,
  workPackages,
  workPackageUpdates,
} from "@/db/schema";
import { calendarDayOf } from "../schemas/calendar-days";
import type { IdentityInput } from "../schemas/cases";
import { loadErasureContext, namesCase } from "./erasure-shared";

type ConsentRow = Pick<typeof consents.$inferSelect, "kind" | "organisationIds" | "grantedOn" | "validUntil" | "revokedAt">;

/** The organisations a Schweigepflichtentbindung of the case covered at the time of a meeting. */
function coveredAt(consentRows: ConsentRow[], at: Date): Set<string> {
  const day = calendarDayOf(at);
  return new Set(
    consentRows
      .filter(
        (c) =>
          c.kind === "confidentiality_release" &&
          c.grantedOn <= day &&
          (!c.validUntil || c.validUntil >= day) &&
          (!c.revokedAt || c.revokedAt > at),
      )
      .flatMap((c) => c.organisationIds),
  );
}

/**
 * What the conferences hold about the person of one case (Art. 15 GDPR): the meetings its
 * Falldarstellung was disclosed in and to whom (names of the professionals and their organisations),
 * the cards and work packages about the case, the theme sources taken from it and the poll answers
 * that name it. Other cases' cards and packages of the same meetings are not part of it.
 */
export async function conferenceDataOfCase(
  db: Executor,
  caseRow: { id: string; tenantId: string; pseudonym: string; responsibleUserId: string | null },
  identity: IdentityInput | null,
  consentRows: ConsentRow[],
) {
  const caseId = caseRow.id;
  const onAgenda = await db
    .select({ conferenceId: conferenceCases.conferenceId })
    .from(conferenceCases)
    .where(eq(conferenceCases.caseId, caseId));
  // Agenda changes about the case, kept in the audit log also after it was taken off an agenda.
  const events = await db
    .select({ conferenceId: auditEvents.targetId, at: auditEvents.createdAt, action: auditEvents.action, by: users.displayName })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .where(
      and(
        eq(auditEvents.tenantId, caseRow.tenantId),
        eq(auditEvents.targetType, "conference"),
        inArray(auditEvents.action, ["conferences.case_added", "conferences.case_removed"]),
        sql`${auditEvents.details}->>'caseId' = ${caseId}`,
      ),
    )
    .orderBy(asc(auditEvents.id));
  const conferenceIds = [
    ...new Set([...onAgenda.map((r) => r.conferenceId), ...events.flatMap((e) => (e.conferenceId ? [e.conferenceId] : []))]),
  ];
  const meetings = conferenceIds.length
    ? await db
        .select({
          id: conferences.id,
          title: conferences.title,
          type: conferences.type,
          scheduledAt: conferences.scheduledAt,
          status: conferences.status,
        })
        .from(conferences)
        .where(and(eq(conferences.tenantId, caseRow.tenantId), inArray(conferences.id, conferenceIds)))
        .orderBy(asc(conferences.scheduledAt))
    : [];
  const participants = meetings.length
    ? await db
        .select({
          conferenceId: conferenceParticipants.conferenceId,
          userId: users.id,
          name: users.displayName,
          organisationId: users.organisationId,
          organisation: organisations.name,
        })
        .from(conferenceParticipants)
        .innerJoin(users, eq(users.id, conferenceParticipants.userId))
        .leftJoin(organisations, eq(organisations.id, users.organisationId))
        .where(
          inArray(
            conferenceParticipants.conferenceId,
            meetings.map((m) => m.id),
          ),
        )
        .orderBy(asc(users.displayName))
    : [];
  const stillOnAgenda = new Set(onAgenda.map((r) => r.conferenceId));
  const conferenceDisclosures = meetings.map((meeting) => {
    const covered = coveredAt(consentRows, meeting.scheduledAt);
    return {
      title: meeting.title,
      type: meeting.type,
      scheduledAt: meeting.scheduledAt,
      status: meeting.status,
      onAgenda: stillOnAgenda.has(meeting.id),
      // The people the Falldarstellung was shown to: participants whose organisation the release covered.
      disclosedTo: participants
        .filter((p) => p.conferenceId === meeting.id && p.userId !== caseRow.responsibleUserId)
        .filter((p) => p.organisationId !== null && covered.has(p.organisationId))
        .map((p) => ({ name: p.name, organisation: p.organisation ?? null })),
      events: events.filter((e) => e.conferenceId === meeting.id).map(({ at, action, by }) => ({ at, action, by })),
    };
  });

  const titleOf = new Map(meetings.map((m) => [m.id, m.title]));
  const cards = await db
    .select({
      conferenceId: boardCards.conferenceId,
      lane: boardCards.lane,
      text: boardCards.text,
      month: boardCards.month,
      isHidden: boardCards.isHidden,
      createdAt: boardCards.createdAt,
    })
    .from(boardCards)
    .where(eq(boardCards.caseId, caseId))
    .orderBy(asc(boardCards.createdAt));
  const packages = await db
    .select({
      id: workPackages.id,
      conferenceId: workPackages.conferenceId,
      task: workPackages.task,
      responsibleOrganisation: organisations.name,
      responsiblePerson: workPackages.responsiblePerson,
      dueDate: workPackages.dueDate,
      status: workPackages.status,
      createdAt: workPackages.createdAt,
    })
    .from(workPackages)
    .leftJoin(organisations, eq(organisations.id, workPackages.responsibleOrganisationId))
    .where(and(eq(workPackages.tenantId, caseRow.tenantId), eq(workPackages.caseId, caseId)))
    .orderBy(asc(workPackages.createdAt));
  const updates = packages.length
    ? await db
        .select({
          workPackageId: workPackageUpdates.workPackageId,
          status: workPackageUpdates.status,
          note: workPackageUpdates.note,
          at: workPackageUpdates.createdAt,
        })
        .from(workPackageUpdates)
        .where(
          inArray(
            workPackageUpdates.workPackageId,
            packages.map((p) => p.id),
          ),
        )
        .orderBy(asc(workPackageUpdates.createdAt))
    : [];
  const sources = await db
    .select({ theme: themes.title, kind: themeSources.kind, excerpt: themeSources.excerpt, createdAt: themeSources.createdAt })
    .from(themeSources)
    .innerJoin(themes, eq(themes.id, themeSources.themeId))
    .where(and(eq(themeSources.tenantId, caseRow.tenantId), eq(themeSources.caseId, caseId)))
    .orderBy(asc(themeSources.createdAt));

  const context = await loadErasureContext(db, caseRow, identity);
  const answers = await db
    .select({ question: casePolls.question, answer: casePollAnswers.answer, updatedAt: casePollAnswers.updatedAt })
    .from(casePollAnswers)
    .innerJoin(casePolls, eq(casePolls.id, casePollAnswers.pollId))
    .where(eq(casePolls.tenantId, caseRow.tenantId))
    .orderBy(asc(casePollAnswers.createdAt));

  return {
    conferenceDisclosures,
    boardCards: cards.map(({ conferenceId, isHidden, ...card }) => ({
      ...card,
      conference: titleOf.get(conferenceId) ?? null,
      // A card written anonymously keeps its secret until it was revealed, here too.
      text: isHidden ? "" : card.text,
    })),
    workPackages: packages.map(({ id, conferenceId, ...item }) => ({
      ...item,
      conference: titleOf.get(conferenceId) ?? null,
      updates: updates.filter((u) => u.workPackageId === id).map(({ status, note, at }) => ({ status, note, at })),
    })),
    themeSources: sources,
    pollAnswers: answers.filter((a) => a.answer && namesCase(context, a.answer)),
  };
}
