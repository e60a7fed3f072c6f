import { meetingPseudonym } from "./meeting-pseudonym";
import { createHash, randomBytes } from "node:crypto";
import { aliasedTable, and, asc, desc, eq, gt, inArray, lt, ne, or, sql } from "drizzle-orm";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import type { Database, Executor } from "@/db";
import {
  boardCards,
  cases,
  conferenceCases,
  conferenceParticipants,
  conferences,
  organisations,
  roleAssignments,
  users,
  workPackages,
  workPackageUpdates,
} from "@/db/schema";
import { recordAuditEvent } from "../audit/record-audit-event";
import { rolesGranting } from "../auth/permissions";
import { can, type Actor } from "../auth/policy";
import { today } from "../cases/cases";
import { organisationsCoveredByConsent } from "../cases/intake";
import { AppError } from "../errors";
import type { ParticipantRole, WorkPackageStatus } from "../schemas/conference-kinds";
import {
  trackingTokenPattern,
  type CreateWorkPackageInput,
  type ReportByTrackingLinkInput,
  type ReportWorkPackageInput,
} from "../schemas/work-packages";
import { requireParticipation } from "./conferences";
import { workPackageAbilities, type WorkPackageAbilities } from "./policy";

export type WorkPackageRow = typeof workPackages.$inferSelect;

export const openStatuses: readonly WorkPackageStatus[] = ["open", "in_progress"];

export function isOverdue(dueDate: string, status: WorkPackageStatus, onDay = today()): boolean {
  return openStatuses.includes(status) && dueDate < onDay;
}

/** Only this hash is stored: a copy of the database does not contain a usable link. */
export function hashTrackingToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

const trackingLinkDays = 90;
const trackingGraceDaysAfterDue = 30;
const dayMs = 86_400_000;

/**
 * A link lives 90 days, or until 30 days after the due date when that is later, so the responsible
 * actor can still report "done" after a late finish.
 */
export function trackingLinkExpiry(dueDate: string, now = new Date()): Date {
  const afterDue = new Date(`${dueDate}T23:59:59Z`).getTime() + trackingGraceDaysAfterDue * dayMs;
  return new Date(Math.max(now.getTime() + trackingLinkDays * dayMs, afterDue));
}

/**
 * Case information behind a work package (its task and notes) only for whom the case's consent
 * covers, read fresh on every call so a revocation counts at once. Packages without a case are open
 * to everyone who may see them.
 */
async function caseReaders(db: Executor, rows: { caseId: string | null; caseResponsibleUserId: string | null }[]) {
  const covered = new Map<string, Set<string>>();
  for (const caseId of new Set(rows.map((r) => r.caseId).filter((id): id is string => !!id))) {
    covered.set(caseId, await organisationsCoveredByConsent(db, caseId));
  }
  return (
    row: { caseId: string | null; caseResponsibleUserId: string | null },
    viewer: { userId: string; organisationId: string | null },
  ) => {
    if (!row.caseId) return true;
    if (row.caseResponsibleUserId === viewer.userId) return true;
    return !!viewer.organisationId && !!covered.get(row.caseId)?.has(viewer.organisationId);
  };
}

const responsibleUsers = aliasedTable(users, "responsible_users");
const caseManagers = aliasedTable(users, "case_managers");

const listColumns = {
  id: workPackages.id,
  conferenceId: workPackages.conferenceId,
  conferenceTitle: conferences.title,
  conferenceScheduledAt: conferences.scheduledAt,
  caseId: workPackages.caseId,
  casePseudonym: cases.pseudonym,
  caseResponsibleUserId: cases.responsibleUserId,
  caseKommuneId: cases.kommuneId,
  caseResponsibleOrganisationId: caseManagers.organisationId,
  sourceCardId: workPackages.sourceCardId,
  task: workPackages.task,
  responsibleOrganisationId: workPackages.responsibleOrganisationId,
  responsibleOrganisationName: organisations.name,
  responsibleUserId: workPackages.responsibleUserId,
  responsibleUserName: responsibleUsers.displayName,
  responsiblePerson: workPackages.responsiblePerson,
  dueDate: workPackages.dueDate,
  status: workPackages.status,
  trackingTokenExpiresAt: workPackages.trackingTokenExpiresAt,
  createdAt: workPackages.createdAt,
};

function selectWorkPackages(db: Executor) {
  return db
    .select(listColumns)
    .from(workPackages)
    .innerJoin(conferences, eq(conferences.id, workPackages.conferenceId))
    .leftJoin(cases, eq(cases.id, workPackages.caseId))
    .leftJoin(caseManagers, eq(caseManagers.id, cases.responsibleUserId))
    .leftJoin(organisations, eq(organisations.id, workPackages.responsibleOrganisationId))
    .leftJoin(responsibleUsers, eq(responsibleUsers.id, workPackages.responsibleUserId));
}

type ListedRow = Awaited<ReturnType<typeof selectWorkPackages>>[number];

async function updatesOf(db: Executor, ids: string[]) {
  if (ids.length === 0) return new Map<string, (typeof workPackageUpdates.$inferSelect)[]>();
  const rows = await db
    .select()
    .from(workPackageUpdates)
    .where(inArray(workPackageUpdates.workPackageId, ids))
    .orderBy(asc(workPackageUpdates.createdAt));
  const byPackage = new Map<string, (typeof workPackageUpdates.$inferSelect)[]>();
  for (const row of rows) {
    const list = byPackage.get(row.workPackageId) ?? [];
    list.push(row);
    byPackage.set(row.workPackageId, list);
  }
  return byPackage;
}

/**
 * One work package as a viewer may see it: the case only by its pseudonym, and the task and notes
 * of a case's package only when the case's consent covers the viewer.
 */
function present(
  row: ListedRow,
  mayReadCase: boolean,
  updates: (typeof workPackageUpdates.$inferSelect)[],
  abilities: WorkPackageAbilities,
) {
  return {
    id: row.id,
    conferenceId: row.conferenceId,
    conferenceTitle: row.conferenceTitle,
    conferenceScheduledAt: row.conferenceScheduledAt,
    caseId: row.caseId,
    casePseudonym: row.caseId ? meetingPseudonym(row.caseId, row.conferenceId) : null,
    restricted: !mayReadCase,
    task: mayReadCase ? row.task : "",
    responsibleOrganisationName: row.responsibleOrganisationName ?? null,
    responsibleUserName: row.responsibleUserName ?? null,
    responsiblePerson: row.responsiblePerson,
    dueDate: row.dueDate,
    status: row.status,
    isOverdue: isOverdue(row.dueDate, row.status),
    trackingLinkExpiresAt:
      abilities.createTrackingLink && row.trackingTokenExpiresAt && row.trackingTokenExpiresAt > new Date()
        ? row.trackingTokenExpiresAt
        : null,
    updates: updates.map((u) => ({
      id: u.id,
      status: u.status,
      note: mayReadCase ? u.note : "",
      authorName: u.authorName,
      viaLink: u.authorUserId === null,
      createdAt: u.createdAt,
    })),
    abilities: { report: abilities.report, createTrackingLink: abilities.createTrackingLink },
  };
}

export type WorkPackageView = ReturnType<typeof present>;

async function presentAll(db: Executor, actor: Actor, rows: ListedRow[], roleIn: (conferenceId: string) => ParticipantRole | null) {
  const mayRead = await caseReaders(db, rows);
  const updates = await updatesOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) =>
    present(
      row,
      mayRead(row, actor),
      updates.get(row.id) ?? [],
      workPackageAbilities({
        conferenceRole: roleIn(row.conferenceId),
        isResponsibleCaseManager:
          !!row.caseId &&
          row.caseResponsibleUserId === actor.userId &&
          can(actor, "cases.work", { tenantId: actor.tenantId, kommuneId: row.caseKommuneId }),
        isResponsibleUser: row.responsibleUserId === actor.userId,
      }),
    ),
  );
}

/** Users of the tenant who can take part in conferences: the people a package can be given to. */
async function assignableUsers(db: Executor, tenantId: string) {
  return db
    .selectDistinct({ id: users.id, displayName: users.displayName, organisationId: users.organisationId })
    .from(users)
    .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
    .where(
      and(
        eq(users.tenantId, tenantId),
        eq(users.isActive, true),
        inArray(roleAssignments.role, [...rolesGranting("conferences.take_part")]),
      ),
    )
    .orderBy(asc(users.displayName));
}

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
    .select({ id: boardCards.id, text: boardCards.text, caseId: boardCards.caseId, isHidden: boardCards.isHidden })
    .from(boardCards)
    .where(and(eq(boardCards.conferenceId, conferenceId), eq(boardCards.lane, "arbeitspakete")))
    .orderBy(asc(boardCards.orderKey));
  const readable = (caseId: string | null) =>
    !caseId || agenda.some((c) => c.id === caseId && mayRead({ caseId: c.id, caseResponsibleUserId: c.responsibleUserId }, actor));
  return {
    cases: agenda.map((c) => ({ id: c.id, name: meetingPseudonym(c.id, conferenceId) })),
    organisations: await db
      .select({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .where(eq(organisations.tenantId, actor.tenantId))
      .orderBy(asc(organisations.name)),
    users: (await assignableUsers(db, actor.tenantId)).map((u) => ({ id: u.id, name: u.displayName })),
    // Hidden cards and cards of a case the moderator is not released for cannot seed a task.
    cards: cards.filter((c) => !c.isHidden && readable(c.caseId)).map((c) => ({ id: c.id, text: c.text, caseId: c.caseId })),
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
  // Reviewed in this meeting, the cases carry this meeting's names, as on its agenda.
  return items.map((item) => ({ ...item, casePseudonym: item.caseId ? meetingPseudonym(item.caseId, conferenceId) : null }));
}

async function requireAssignableUser(db: Executor, tenantId: string, userId: string) {
  const [row] = (await assignableUsers(db, tenantId)).filter((u) => u.id === userId);
  if (!row) throw new AppError("INVALID_INPUT", "workPackages.errors.unknownUser", "responsibleUserId");
  return row;
}

/** A moderator records a work package agreed on the board of a Fallkonferenz. */
export async function createWorkPackage(db: Database, actor: Actor, input: CreateWorkPackageInput) {
  const { conference, abilities } = await requireParticipation(db, actor, input.conferenceId);
  if (!abilities.moderate) throw new AppError("FORBIDDEN", "workPackages.errors.moderatorsOnly");
  if (conference.type !== "fallkonferenz") throw new AppError("CONFLICT", "workPackages.errors.onlyFallkonferenz");
  if (input.dueDate < today()) throw new AppError("INVALID_INPUT", "workPackages.validation.dueDatePast", "dueDate");

  const [organisation] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.id, input.responsibleOrganisationId), eq(organisations.tenantId, actor.tenantId)));
  if (!organisation) throw new AppError("INVALID_INPUT", "errors.unknownOrganisation", "responsibleOrganisationId");
  const responsibleUser = input.responsibleUserId ? await requireAssignableUser(db, actor.tenantId, input.responsibleUserId) : null;

  if (input.sourceCardId) {
    const [card] = await db
      .select({ id: boardCards.id })
      .from(boardCards)
      .where(and(eq(boardCards.id, input.sourceCardId), eq(boardCards.conferenceId, conference.id)));
    if (!card) throw new AppError("INVALID_INPUT", "workPackages.errors.unknownCard", "sourceCardId");
  }

  if (input.caseId) {
    const [onAgenda] = await db
      .select({ responsibleUserId: cases.responsibleUserId, responsibleOrganisationId: users.organisationId })
      .from(conferenceCases)
      .innerJoin(cases, eq(cases.id, conferenceCases.caseId))
      .leftJoin(users, eq(users.id, cases.responsibleUserId))
      .where(and(eq(conferenceCases.conferenceId, conference.id), eq(conferenceCases.caseId, input.caseId)));
    if (!onAgenda) throw new AppError("INVALID_INPUT", "workPackages.errors.caseNotOnAgenda", "caseId");
    // A case's package carries case information: only actors its consent covers may receive it.
    const covered = await organisationsCoveredByConsent(db, input.caseId);
    const mayReceive = (person: { userId: string; organisationId: string | null }) =>
      person.userId === onAgenda.responsibleUserId || (!!person.organisationId && covered.has(person.organisationId));
    if (!mayReceive(actor)) throw new AppError("INVALID_INPUT", "workPackages.errors.caseNotReleased", "caseId");
    if (!covered.has(organisation.id) && organisation.id !== onAgenda.responsibleOrganisationId) {
      throw new AppError("INVALID_INPUT", "workPackages.errors.organisationNotCovered", "responsibleOrganisationId");
    }
    if (responsibleUser && !mayReceive({ userId: responsibleUser.id, organisationId: responsibleUser.organisationId })) {
      throw new AppError("INVALID_INPUT", "workPackages.errors.userNotCovered", "responsibleUserId");
    }
  }

  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(workPackages)
      .values({
        tenantId: actor.tenantId,
        conferenceId: conference.id,
        caseId: input.caseId,
        sourceCardId: input.sourceCardId,
        task: input.task,
        responsibleOrganisationId: organisation.id,
        responsibleUserId: responsibleUser?.id ?? null,
        responsiblePerson: input.responsiblePerson,
        dueDate: input.dueDate,
        createdByUserId: actor.userId,
      })
      .returning({ id: workPackages.id, status: workPackages.status, dueDate: workPackages.dueDate });
    await recordAuditEvent(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: "conferences.work_package_created",
      target: { type: "conference", id: conference.id },
      // The task stays out of the audit log: it may describe the case.
      details: { workPackageId: created!.id, caseId: input.caseId, responsibleOrganisationId: organisation.id, dueDate: input.dueDate },
    });
    return created!;
  });
}

/**
 * Loads a work package with the actor's abilities, or NOT_FOUND for anyone who may not see it
 * (also across tenants), so the answer reveals nothing about other packages.
 */
async function requireWorkPackage(db: Executor, actor: Actor, workPackageId: string) {
  const [row] = await db
    .select({
      workPackage: workPackages,
      caseResponsibleUserId: cases.responsibleUserId,
      caseKommuneId: cases.kommuneId,
      conferenceKommuneId: conferences.kommuneId,
      role: conferenceParticipants.role,
    })
    .from(workPackages)
    .innerJoin(conferences, eq(conferences.id, workPackages.conferenceId))
    .leftJoin(cases, eq(cases.id, workPackages.caseId))
    .leftJoin(
      conferenceParticipants,
      and(eq(conferenceParticipants.conferenceId, workPackages.conferenceId), eq(conferenceParticipants.userId, actor.userId)),
    )
    .where(and(eq(workPackages.id, workPackageId), eq(workPackages.tenantId, actor.tenantId)));
  if (!row) throw new AppError("NOT_FOUND", "errors.notFound");
  const abilities = workPackageAbilities({
    // Guests and colleagues who lost the role no longer count as participants.
    conferenceRole:
      row.role && can(actor, "conferences.take_part", { tenantId: actor.tenantId, kommuneId: row.conferenceKommuneId }) ? row.role : null,
    isResponsibleCaseManager:
      !!row.workPackage.caseId &&
      row.caseResponsibleUserId === actor.userId &&
      can(actor, "cases.work", { tenantId: actor.tenantId, kommuneId: row.caseKommuneId }),
    isResponsibleUser: row.workPackage.responsibleUserId === actor.userId,
  });
  if (!abilities.view) throw new AppError("NOT_FOUND", "errors.notFound");
  return { workPackage: row.workPackage, abilities };
}

async function recordReport(
  tx: Executor,
  workPackage: WorkPackageRow,
  report: { status: WorkPackageStatus; note: string; authorUserId: string | null; authorName: string },
) {
  await tx.update(workPackages).set({ status: report.status, updatedAt: new Date() }).where(eq(workPackages.id, workPackage.id));
  const [update] = await tx
    .insert(workPackageUpdates)
    .values({ workPackageId: workPackage.id, ...report })
    .returning({ id: workPackageUpdates.id, createdAt: workPackageUpdates.createdAt });
  await recordAuditEvent(tx, {
    tenantId: workPackage.tenantId,
    actorUserId: report.authorUserId,
    action: "conferences.work_package_reported",
    target: { type: "conference", id: workPackage.conferenceId },
    details: { workPackageId: workPackage.id, status: report.status, viaLink: report.authorUserId === null },
  });
  return { id: update!.id, status: report.status, createdAt: update!.createdAt };
}

/** A status report by a moderator, the responsible case manager or the responsible person. */
export async function reportWorkPackage(db: Database, actor: Actor, input: ReportWorkPackageInput) {
  const { workPackage, abilities } = await requireWorkPackage(db, actor, input.workPackageId);
  if (!abilities.report) throw new AppError("FORBIDDEN", "workPackages.errors.mayNotReport");
  return db.transaction((tx) =>
    recordReport(tx, workPackage, { status: input.status, note: input.note, authorUserId: actor.userId, authorName: actor.displayName }),
  );
}

/**
 * A personal link for the responsible actor to report progress without an account. A new link
 * replaces the previous one; the raw token leaves the server once, in this answer.
 */
export async function createTrackingLink(db: Database, actor: Actor, workPackageId: string) {
  const { workPackage, abilities } = await requireWorkPackage(db, actor, workPackageId);
  if (!abilities.createTrackingLink) throw new AppError("FORBIDDEN", "workPackages.errors.mayNotCreateLink");
  const token = randomBytes(32).toString("base64url");
  const expiresAt = trackingLinkExpiry(workPackage.dueDate);
  await db.transaction(async (tx) => {
    await tx
      .update(workPackages)
      .set({ trackingTokenHash: hashTrackingToken(token), trackingTokenExpiresAt: expiresAt })
      .where(eq(workPackages.id, workPackage.id));
    await recordAuditEvent(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: "conferences.work_package_link_created",
      target: { type: "conference", id: workPackage.conferenceId },
      details: { workPackageId: workPackage.id, expiresAt: expiresAt.toISOString() },
    });
  });
  return { link: `/arbeitspaket/${token}`, expiresAt };
}

/** Reports per address and window through tracking links, counted before the token is looked at. */
export const trackingReportsPerWindow = 20;
const trackingWindowSeconds = 15 * 60;

/** Page views of tracking links per address and window. */
export const trackingLookupsPerWindow = 60;

type GlobalWithLimiters = typeof globalThis & { __kimTrackingLimiters?: Record<"report" | "lookup", RateLimiterMemory> };

/** Counted before the token is looked at, so nobody can try links faster than the budget allows. */
async function consumeTrackingBudget(kind: "report" | "lookup", address: string) {
  const g = globalThis as GlobalWithLimiters;
  g.__kimTrackingLimiters ??= {
    report: new RateLimiterMemory({
      keyPrefix: "work-package-report-address",
      points: trackingReportsPerWindow,
      duration: trackingWindowSeconds,
    }),
    lookup: new RateLimiterMemory({
      keyPrefix: "work-package-lookup-address",
      points: trackingLookupsPerWindow,
      duration: trackingWindowSeconds,
    }),
  };
  try {
    await g.__kimTrackingLimiters[kind].consume(address);
  } catch (error) {
    if (error instanceof RateLimiterRes) throw new AppError("RATE_LIMITED", "workPackages.errors.rateLimited");
    throw error;
  }
}

/**
 * The package behind an open link, or null. A case's package also needs the responsible
 * organisation to be still covered by the case's consent: a revocation ends the link at once.
 */
async function findByTrackingToken(db: Executor, token: string) {
  if (!trackingTokenPattern.test(token)) return null;
  const [row] = await selectWorkPackages(db)
    .where(and(eq(workPackages.trackingTokenHash, hashTrackingToken(token)), gt(workPackages.trackingTokenExpiresAt, sql`now()`)))
    .limit(1);
  if (!row) return null;
  if (row.caseId) {
    const covered = await organisationsCoveredByConsent(db, row.caseId);
    const organisationId = row.responsibleOrganisationId;
    if (!organisationId || (!covered.has(organisationId) && organisationId !== row.caseResponsibleOrganisationId)) return null;
  }
  return row;
}

/** What the public page shows: the task, due date and history of this one package; of a case only its pseudonym. */
export async function getWorkPackageByTrackingToken(db: Executor, token: string, address?: string) {
  if (address !== undefined) await consumeTrackingBudget("lookup", address);
  const row = await findByTrackingToken(db, token);
  if (!row) return null;
  const updates = (await updatesOf(db, [row.id])).get(row.id) ?? [];
  return {
    task: row.task,
    casePseudonym: row.caseId ? meetingPseudonym(row.caseId, row.conferenceId) : null,
    responsibleOrganisationName: row.responsibleOrganisationName ?? null,
    responsiblePerson: row.responsiblePerson || row.responsibleUserName || "",
    dueDate: row.dueDate,
    status: row.status,
    isOverdue: isOverdue(row.dueDate, row.status),
    updates: updates.map((u) => ({ id: u.id, status: u.status, note: u.note, authorName: u.authorName, createdAt: u.createdAt })),
  };
}

/** A report through the link: the token is the authorisation, the reporter gives their name. */
export async function reportByTrackingLink(db: Database, input: ReportByTrackingLinkInput, address: string) {
  await consumeTrackingBudget("report", address);
  return db.transaction(async (tx) => {
    const row = await findByTrackingToken(tx, input.token);
    if (!row) throw new AppError("NOT_FOUND", "workPackages.errors.invalidLink");
    // The row lock orders concurrent reports on one package.
    const [workPackage] = await tx.select().from(workPackages).where(eq(workPackages.id, row.id)).for("update");
    await recordReport(tx, workPackage!, { status: input.status, note: input.note, authorUserId: null, authorName: input.name });
    return { ok: true as const };
  });
}
