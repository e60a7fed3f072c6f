import { meetingCaseId, meetingCaseIdOrNull } from "../conferences/meeting-case-ids";
import { meetingPseudonym } from "../conferences/meeting-pseudonym";
import { and, asc, desc, eq, inArray, lt, ne, or, sql } from "drizzle-orm";
import type { Database, Executor } from "@/db";
import { boardCards, cases, conferenceCases, conferenceParticipants, conferences, organisations, workPackages } from "@/db/schema";
import { can, type Actor } from "../auth/policy";
import type { LifeArea } from "../schemas/case-kinds";
import type { ParticipantRole } from "../schemas/conference-kinds";
import { requireParticipation } from "../conferences/conferences";
import { openStatuses, caseReaders, selectWorkPackages, presentAll, assignableUsers } from "./work-package-views";

/** What the moderator's form offers: the agenda's cases, the tenant's organisations and people, the board's proposals. */
async function createOptions(db: Database, actor: Actor, conferenceId: string) {
  const agenda = await db
    .select({ id: cases.id, pseudonym: cases.pseudonym, responsibleUserId: cases.responsibleUserId })
    .from(conferenceCases)
    .innerJoin(cases, eq(cases.id, conferenceCases.caseId))
    .where(eq(conferenceCases.conferenceId, conferenceId))
    .orderBy(asc(conferenceCases.position));
  const mayRead = await caseReaders(
    db,
    agenda.map((c) => ({ caseId: c.id, caseResponsibleUserId: c.responsibleUserId })),
  );
  const cards = await db
    .select({
      id: boardCards.id,
      text: boardCards.text,
      caseId: boardCards.caseId,
      lifeArea: boardCards.lifeArea,
      isHidden: boardCards.isHidden,
    })
    .from(boardCards)
    .where(and(eq(boardCards.conferenceId, conferenceId), eq(boardCards.lane, "arbeitspakete")))
    .orderBy(asc(boardCards.orderKey));
  const readable = (card: { caseId: string | null; lifeArea: LifeArea | null }) =>
    !card.caseId ||
    agenda.some(
      (c) => c.id === card.caseId && mayRead({ caseId: c.id, caseResponsibleUserId: c.responsibleUserId, lifeArea: card.lifeArea }, actor),
    );
  return {
    cases: agenda.map((c) => ({ id: meetingCaseId(conferenceId, c.id), name: meetingPseudonym(c.id, conferenceId) })),
    organisations: await db
      .select({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .where(eq(organisations.tenantId, actor.tenantId))
      .orderBy(asc(organisations.name)),
    users: (await assignableUsers(db, actor.tenantId)).map((u) => ({ id: u.id, name: u.displayName })),
    // Hidden cards and cards of a case (or its life area) the moderator is not released for cannot seed a task.
    cards: cards
      .filter((c) => !c.isHidden && readable(c))
      .map((c) => ({ id: c.id, text: c.text, caseId: meetingCaseIdOrNull(conferenceId, c.caseId) })),
  };
}

/** The work packages of one conference, for its participants. */
export async function listWorkPackagesForConference(db: Database, actor: Actor, conferenceId: string) {
  const { role, abilities } = await requireParticipation(db, actor, conferenceId);
  const rows = await selectWorkPackages(db)
    .where(and(eq(workPackages.conferenceId, conferenceId), eq(workPackages.tenantId, actor.tenantId)))
    .orderBy(asc(workPackages.dueDate), asc(workPackages.createdAt));
  const mayCreate = abilities.createWorkPackages;
  return {
    viewer: { mayCreate },
    workPackages: await presentAll(db, actor, rows, () => role),
    options: mayCreate ? await createOptions(db, actor, conferenceId) : null,
  };
}

/** Work packages of the actor's own cases and those they are responsible for, open ones first. */
export async function listMyWorkPackages(db: Database, actor: Actor) {
  const mine = can(actor, "cases.work", { tenantId: actor.tenantId })
    ? or(eq(cases.responsibleUserId, actor.userId), eq(workPackages.responsibleUserId, actor.userId))
    : eq(workPackages.responsibleUserId, actor.userId);
  const rows = await selectWorkPackages(db)
    .where(and(eq(workPackages.tenantId, actor.tenantId), mine))
    .orderBy(
      sql`case when ${workPackages.status} in ('open', 'in_progress') then 0 else 1 end`,
      asc(workPackages.dueDate),
      asc(workPackages.createdAt),
    )
    .limit(200);
  const roles = await participantRoles(
    db,
    actor,
    rows.map((r) => r.conferenceId),
  );
  return presentAll(db, actor, rows, (id) => roles.get(id) ?? null);
}

async function participantRoles(db: Executor, actor: Actor, conferenceIds: string[]) {
  if (conferenceIds.length === 0) return new Map<string, ParticipantRole>();
  const rows = await db
    .select({ conferenceId: conferenceParticipants.conferenceId, role: conferenceParticipants.role })
    .from(conferenceParticipants)
    .where(and(eq(conferenceParticipants.userId, actor.userId), inArray(conferenceParticipants.conferenceId, [...new Set(conferenceIds)])));
  return new Map(rows.map((r) => [r.conferenceId, r.role]));
}

/**
 * The open work packages a follow-up conference reviews first: those of the conference it follows
 * and of earlier conferences about the same cases.
 */
export async function listFollowUpItems(db: Database, actor: Actor, conferenceId: string) {
  const { conference } = await requireParticipation(db, actor, conferenceId);
  const meetings = [conferenceId, conference.previousConferenceId].filter((id): id is string => !!id);
  const agendaCases = await db
    .selectDistinct({ caseId: conferenceCases.caseId })
    .from(conferenceCases)
    .where(inArray(conferenceCases.conferenceId, meetings));
  const caseIds = agendaCases.map((c) => c.caseId);
  const fromPrevious = conference.previousConferenceId ? eq(workPackages.conferenceId, conference.previousConferenceId) : undefined;
  const aboutSameCases = caseIds.length
    ? and(inArray(workPackages.caseId, caseIds), lt(conferences.scheduledAt, conference.scheduledAt))
    : undefined;
  if (!fromPrevious && !aboutSameCases) return [];
  const rows = await selectWorkPackages(db)
    .where(
      and(
        eq(workPackages.tenantId, actor.tenantId),
        ne(workPackages.conferenceId, conferenceId),
        inArray(workPackages.status, [...openStatuses]),
        or(fromPrevious, aboutSameCases),
      ),
    )
    .orderBy(desc(conferences.scheduledAt), asc(workPackages.dueDate), asc(workPackages.createdAt))
    .limit(200);
  const roles = await participantRoles(
    db,
    actor,
    rows.map((r) => r.conferenceId),
  );
  const items = await presentAll(db, actor, rows, (id) => roles.get(id) ?? null);
  // Reviewed in this meeting, the cases carry this meeting's names and ids, as on its agenda.
  return items.map((item, index) => {
    const caseId = rows[index]!.caseId;
    return {
      ...item,
      caseId: meetingCaseIdOrNull(conferenceId, caseId),
      casePseudonym: caseId ? meetingPseudonym(caseId, conferenceId) : null,
    };
  });
}
