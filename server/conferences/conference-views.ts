import { and, asc, count, desc, eq, inArray, ne, notInArray } from "drizzle-orm";
import type { Database, Executor } from "@/db";
import {
  cases,
  caseSummaries,
  conferenceCases,
  conferenceParticipants,
  conferences,
  kommunen,
  organisations,
  roleAssignments,
  users,
} from "@/db/schema";
import { rolesGranting } from "../auth/permissions";
import { reachOf, type Actor } from "../auth/policy";
import { organisationsCoveredByConsent } from "../cases/intake";
import { requireParticipation } from "./conferences";
import { conferenceAbilities } from "./policy";
import { meetingCaseId } from "./meeting-case-ids";
import { meetingPseudonym } from "./meeting-pseudonym";

/** The conferences the actor takes part in, newest date first. */
export async function listConferences(db: Database, actor: Actor) {
  const counts = db
    .select({ conferenceId: conferenceParticipants.conferenceId, participants: count().as("participants") })
    .from(conferenceParticipants)
    .groupBy(conferenceParticipants.conferenceId)
    .as("counts");
  return db
    .select({
      id: conferences.id,
      type: conferences.type,
      title: conferences.title,
      scheduledAt: conferences.scheduledAt,
      place: conferences.place,
      isOnline: conferences.isOnline,
      status: conferences.status,
      role: conferenceParticipants.role,
      participants: counts.participants,
    })
    .from(conferences)
    .innerJoin(
      conferenceParticipants,
      and(eq(conferenceParticipants.conferenceId, conferences.id), eq(conferenceParticipants.userId, actor.userId)),
    )
    .innerJoin(counts, eq(counts.conferenceId, conferences.id))
    .where(eq(conferences.tenantId, actor.tenantId))
    .orderBy(desc(conferences.scheduledAt), desc(conferences.createdAt));
}

/** Active colleagues of the tenant who can take part in a conference, to invite them. */
export async function listCandidates(db: Database, actor: Actor) {
  const rows = await db
    .selectDistinct({ id: users.id, displayName: users.displayName, organisationName: organisations.name })
    .from(users)
    .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
    .leftJoin(organisations, eq(organisations.id, users.organisationId))
    .where(
      and(
        eq(users.tenantId, actor.tenantId),
        eq(users.isActive, true),
        ne(users.id, actor.userId),
        inArray(roleAssignments.role, [...rolesGranting("conferences.take_part")]),
      ),
    )
    .orderBy(asc(users.displayName));
  return rows.map((row) => ({ ...row, organisationName: row.organisationName ?? null }));
}

/** The newest Falldarstellung of each case, so refinements after attaching reach the conference. */
export async function latestSummaries(db: Database, caseIds: string[]) {
  if (caseIds.length === 0) return new Map<string, typeof caseSummaries.$inferSelect>();
  const rows = await db.select().from(caseSummaries).where(inArray(caseSummaries.caseId, caseIds)).orderBy(desc(caseSummaries.createdAt));
  const latest = new Map<string, typeof caseSummaries.$inferSelect>();
  for (const row of rows) if (!latest.has(row.caseId)) latest.set(row.caseId, row);
  return latest;
}

export async function listParticipants(db: Database, conferenceId: string) {
  return db
    .select({
      userId: users.id,
      displayName: users.displayName,
      organisationId: users.organisationId,
      organisationName: organisations.name,
      role: conferenceParticipants.role,
    })
    .from(conferenceParticipants)
    .innerJoin(users, eq(users.id, conferenceParticipants.userId))
    .leftJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(conferenceParticipants.conferenceId, conferenceId))
    .orderBy(asc(conferenceParticipants.role), asc(users.displayName));
}

/** The cases on a conference's agenda, each under its meeting pseudonym (ownPseudonym is the case file's). */
export async function listAttachedCases(db: Executor, conferenceId: string) {
  const rows = await db
    .select({
      caseId: cases.id,
      ownPseudonym: cases.pseudonym,
      responsibleUserId: cases.responsibleUserId,
      position: conferenceCases.position,
    })
    .from(conferenceCases)
    .innerJoin(cases, eq(cases.id, conferenceCases.caseId))
    .where(eq(conferenceCases.conferenceId, conferenceId))
    .orderBy(asc(conferenceCases.position), asc(conferenceCases.createdAt));
  return rows.map((row) => ({ ...row, pseudonym: meetingPseudonym(row.caseId, conferenceId) }));
}

/**
 * The consent gate for one case: the responsible case manager, or someone whose organisation a
 * valid Schweigepflichtentbindung of the case names. Read from the database on every call, so a
 * revocation counts at once.
 */
export async function consentGate(db: Database, caseRow: { caseId: string; responsibleUserId: string | null }) {
  const covered = await organisationsCoveredByConsent(db, caseRow.caseId);
  return (viewer: { userId: string; organisationId: string | null }) =>
    caseRow.responsibleUserId === viewer.userId || (!!viewer.organisationId && covered.has(viewer.organisationId));
}

/** One conference for a participant, its cases behind the consent gate. */
export async function getConference(db: Database, actor: Actor, conferenceId: string) {
  const { conference, role, abilities } = await requireParticipation(db, actor, conferenceId);
  const [kommune] = conference.kommuneId
    ? await db.select({ name: kommunen.name }).from(kommunen).where(eq(kommunen.id, conference.kommuneId))
    : [];
  const participants = await listParticipants(db, conferenceId);
  const viewer = { userId: actor.userId, organisationId: participants.find((p) => p.userId === actor.userId)?.organisationId ?? null };
  const attached = await listAttachedCases(db, conferenceId);
  const summaries = await latestSummaries(
    db,
    attached.map((c) => c.caseId),
  );
  const casesView = [];
  for (const row of attached) {
    const summary = summaries.get(row.caseId);
    const released = !!summary && (await consentGate(db, row))(viewer);
    const isMine = row.responsibleUserId === actor.userId;
    casesView.push({
      // The meeting's id of the case: the case file's id would link the case across meetings.
      caseId: meetingCaseId(conferenceId, row.caseId),
      pseudonym: row.pseudonym,
      // Only the responsible case manager learns which of their cases this is, and may open its file.
      ownPseudonym: isMine ? row.ownPseudonym : null,
      caseFileId: isMine ? row.caseId : null,
      position: row.position,
      released,
      summary: released ? { title: summary.title, body: summary.body, createdAt: summary.createdAt } : null,
      isMine,
      mayRemove: isMine || abilities.removeAnyCase,
    });
  }
  return {
    conference: {
      id: conference.id,
      type: conference.type,
      title: conference.title,
      kommuneName: kommune?.name ?? null,
      scheduledAt: conference.scheduledAt,
      place: conference.place,
      isOnline: conference.isOnline,
      status: conference.status,
      phases: conference.phases,
      voteBudget: conference.voteBudget,
    },
    viewer: {
      role,
      // Recomputed with the relation only known here: whether the viewer presents a case.
      abilities: conferenceAbilities(actor, {
        conference,
        participation: { role },
        presentsCase: casesView.some((c) => c.isMine),
      }),
    },
    participants: participants.map((p) => ({
      userId: p.userId,
      displayName: p.displayName,
      organisationId: p.organisationId,
      organisationName: p.organisationName ?? null,
      role: p.role,
    })),
    cases: casesView,
    attachableCases: await listAttachableCases(
      db,
      actor,
      attached.map((c) => c.caseId),
    ),
  };
}

/** The actor's own open cases with a Falldarstellung that are not yet on the agenda. */
async function listAttachableCases(db: Database, actor: Actor, attachedIds: string[]) {
  // The cases they may work: all their own, or those in the Kommunen their grants are scoped to.
  const works = reachOf(actor, "cases.work");
  if (!works.everywhere && works.kommuneIds.length === 0) return [];
  const withSummary = db
    .selectDistinct({ caseId: caseSummaries.caseId })
    .from(caseSummaries)
    .where(eq(caseSummaries.tenantId, actor.tenantId));
  return db
    .select({ id: cases.id, pseudonym: cases.pseudonym })
    .from(cases)
    .where(
      and(
        eq(cases.tenantId, actor.tenantId),
        eq(cases.responsibleUserId, actor.userId),
        works.everywhere ? undefined : inArray(cases.kommuneId, works.kommuneIds),
        ne(cases.status, "closed"),
        inArray(cases.id, withSummary),
        attachedIds.length ? notInArray(cases.id, attachedIds) : undefined,
      ),
    )
    .orderBy(asc(cases.pseudonym));
}
