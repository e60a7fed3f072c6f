import { meetingCaseIdOrNull } from "../conferences/meeting-case-ids";
import { meetingPseudonym } from "../conferences/meeting-pseudonym";
import { aliasedTable, and, asc, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db";
import { cases, conferences, organisations, roleAssignments, users, workPackages, workPackageUpdates } from "@/db/schema";
import { rolesGranting } from "../auth/permissions";
import { can, type Actor } from "../auth/policy";
import { today } from "../cases/cases";
import { consentScopesOf, scopeCovers, type LifeAreaScope } from "../cases/consent-scope";
import type { LifeArea } from "../schemas/case-kinds";
import type { ParticipantRole, WorkPackageStatus } from "../schemas/conference-kinds";
import { type WorkPackageAbilities, workPackageAbilities } from "./policy";

export type WorkPackageRow = typeof workPackages.$inferSelect;

export const openStatuses: readonly WorkPackageStatus[] = ["open", "in_progress"];

export function isOverdue(dueDate: string, status: WorkPackageStatus, onDay = today()): boolean {
  return openStatuses.includes(status) && dueDate < onDay;
}

/**
 * Case information behind a work package (its task and notes) only for whom the case's consent
 * covers, and for a package about a life area only where that consent names the area; read fresh on
 * every call so a revocation counts at once. Packages without a case are open to everyone who may
 * see them.
 */
export async function caseReaders(db: Executor, rows: { caseId: string | null; caseResponsibleUserId: string | null }[]) {
  const scopes = new Map<string, Map<string, LifeAreaScope>>();
  for (const caseId of new Set(rows.map((r) => r.caseId).filter((id): id is string => !!id))) {
    scopes.set(caseId, await consentScopesOf(db, caseId));
  }
  return (
    row: { caseId: string | null; caseResponsibleUserId: string | null; lifeArea?: LifeArea | null },
    viewer: { userId: string; organisationId: string | null },
  ) => {
    if (!row.caseId) return true;
    if (row.caseResponsibleUserId === viewer.userId) return true;
    // A package without a life area follows the rule of an untagged case card: any released area will do.
    return !!viewer.organisationId && scopeCovers(scopes.get(row.caseId)?.get(viewer.organisationId), row.lifeArea ?? null);
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
  lifeArea: workPackages.lifeArea,
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

export function selectWorkPackages(db: Executor) {
  return db
    .select(listColumns)
    .from(workPackages)
    .innerJoin(conferences, eq(conferences.id, workPackages.conferenceId))
    .leftJoin(cases, eq(cases.id, workPackages.caseId))
    .leftJoin(caseManagers, eq(caseManagers.id, cases.responsibleUserId))
    .leftJoin(organisations, eq(organisations.id, workPackages.responsibleOrganisationId))
    .leftJoin(responsibleUsers, eq(responsibleUsers.id, workPackages.responsibleUserId));
}

export type ListedRow = Awaited<ReturnType<typeof selectWorkPackages>>[number];

export async function updatesOf(db: Executor, ids: string[]) {
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
 * of a case's package only when the case's consent covers the viewer (for the package's life area).
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
    // The case by its id and name in the package's meeting, never the case file's id.
    caseId: meetingCaseIdOrNull(row.conferenceId, row.caseId),
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

export async function presentAll(db: Executor, actor: Actor, rows: ListedRow[], roleIn: (conferenceId: string) => ParticipantRole | null) {
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
export async function assignableUsers(db: Executor, tenantId: string) {
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
