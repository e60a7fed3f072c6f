import { and, eq } from "drizzle-orm";
import type { Database, Executor } from "@/db";
import { boardCards, cases, conferenceCases, organisations, users, workPackages } from "@/db/schema";
import { recordAuditEvent } from "../audit/record-audit-event";
import { type Actor } from "../auth/policy";
import { today } from "../cases/cases";
import { consentScopesOf, scopeCovers } from "../cases/consent-scope";
import { AppError } from "../errors";
import { translate } from "../i18n/translate";
import { type CreateWorkPackageInput } from "../schemas/work-packages";
import { rejectAgendaIdentity } from "../conferences/agenda-identity";
import { requireParticipation } from "../conferences/conferences";
import { agendaCaseResolver } from "../conferences/meeting-case-ids";
import { assignableUsers } from "./work-package-views";

async function requireAssignableUser(db: Executor, tenantId: string, userId: string) {
  const [row] = (await assignableUsers(db, tenantId)).filter((u) => u.id === userId);
  if (!row) throw new AppError("INVALID_INPUT", "workPackages.errors.unknownUser", "responsibleUserId");
  return row;
}

const caseRefusals = {
  actor: "workPackages.errors.caseNotReleased",
  organisation: "workPackages.errors.organisationNotCovered",
  user: "workPackages.errors.userNotCovered",
};
/** The same refusals naming the life area, when the package comes from a card about one. */
const areaRefusals = {
  actor: "workPackages.errors.caseNotReleasedInLifeArea",
  organisation: "workPackages.errors.organisationNotCoveredInLifeArea",
  user: "workPackages.errors.userNotCoveredInLifeArea",
};

/** A moderator records a work package agreed on the board of a Fallkonferenz. */
export async function createWorkPackage(db: Database, actor: Actor, input: CreateWorkPackageInput) {
  const { conference, abilities } = await requireParticipation(db, actor, input.conferenceId);
  if (!abilities.moderate) throw new AppError("FORBIDDEN", "workPackages.errors.moderatorsOnly");
  if (conference.type !== "fallkonferenz") throw new AppError("CONFLICT", "workPackages.errors.onlyFallkonferenz");
  if (input.dueDate < today()) throw new AppError("INVALID_INPUT", "workPackages.validation.dueDatePast", "dueDate");
  // The task goes to the responsible actor outside the conference, by link too.
  await rejectAgendaIdentity(db, conference.id, [input.task], {
    message: "workPackages.errors.taskContainsIdentity",
    field: "task",
  });

  const [organisation] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.id, input.responsibleOrganisationId), eq(organisations.tenantId, actor.tenantId)));
  if (!organisation) throw new AppError("INVALID_INPUT", "errors.unknownOrganisation", "responsibleOrganisationId");
  const responsibleUser = input.responsibleUserId ? await requireAssignableUser(db, actor.tenantId, input.responsibleUserId) : null;

  const [card] = input.sourceCardId
    ? await db
        .select({ caseId: boardCards.caseId, lifeArea: boardCards.lifeArea })
        .from(boardCards)
        .where(and(eq(boardCards.id, input.sourceCardId), eq(boardCards.conferenceId, conference.id)))
    : [];
  if (input.sourceCardId && !card) throw new AppError("INVALID_INPUT", "workPackages.errors.unknownCard", "sourceCardId");

  // The form names the case by its meeting id, as the conference shows it.
  const caseId = input.caseId ? (await agendaCaseResolver(db, conference.id))(input.caseId) : null;
  // A package from a case card stays with that case, so its consent (and life area) keeps deciding who reads the task.
  if (card?.caseId && card.caseId !== caseId) throw new AppError("INVALID_INPUT", "workPackages.errors.cardOfAnotherCase", "caseId");
  const lifeArea = card?.caseId ? card.lifeArea : null;
  const areaValues: Record<string, string> = lifeArea ? { lifeArea: translate(`cases.lifeAreas.${lifeArea}`) } : {};
  if (caseId) {
    const [onAgenda] = await db
      .select({ responsibleUserId: cases.responsibleUserId, responsibleOrganisationId: users.organisationId })
      .from(conferenceCases)
      .innerJoin(cases, eq(cases.id, conferenceCases.caseId))
      .leftJoin(users, eq(users.id, cases.responsibleUserId))
      .where(and(eq(conferenceCases.conferenceId, conference.id), eq(conferenceCases.caseId, caseId)));
    if (!onAgenda) throw new AppError("INVALID_INPUT", "workPackages.errors.caseNotOnAgenda", "caseId");
    // A case's package carries case information: only actors its consent covers (for the package's life area) may receive it.
    const scopes = await consentScopesOf(db, caseId);
    const mayReceive = (person: { userId: string; organisationId: string | null }) =>
      person.userId === onAgenda.responsibleUserId || (!!person.organisationId && scopeCovers(scopes.get(person.organisationId), lifeArea));
    const refusals = lifeArea ? areaRefusals : caseRefusals;
    if (!mayReceive(actor)) throw new AppError("INVALID_INPUT", refusals.actor, "caseId", areaValues);
    if (!scopeCovers(scopes.get(organisation.id), lifeArea) && organisation.id !== onAgenda.responsibleOrganisationId) {
      throw new AppError("INVALID_INPUT", refusals.organisation, "responsibleOrganisationId", areaValues);
    }
    if (responsibleUser && !mayReceive({ userId: responsibleUser.id, organisationId: responsibleUser.organisationId })) {
      throw new AppError("INVALID_INPUT", refusals.user, "responsibleUserId", areaValues);
    }
  }

  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(workPackages)
      .values({
        tenantId: actor.tenantId,
        conferenceId: conference.id,
        caseId,
        sourceCardId: input.sourceCardId,
        lifeArea,
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
      details: { workPackageId: created!.id, caseId, responsibleOrganisationId: organisation.id, dueDate: input.dueDate },
    });
    return created!;
  });
}
