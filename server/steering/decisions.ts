import { and, asc, eq, inArray } from "drizzle-orm";
import type { Database } from "@/db";
import { agendaItems, assignments, bodies, bodySessions, decisions, organisations, recommendations, themes, vorlagen } from "@/db/schema";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../auth/policy";
import { AppError, isUniqueViolation } from "../errors";
import { translate } from "../i18n/translate";
import type { RecordDecisionInput } from "../schemas/decisions";
import { recordThemeStatus } from "../themes/status";
import { isOverdue } from "./follow-ups";
import { requireCoordination, steeringViewerOf } from "./policy";

async function loadAgendaItem(db: Database, actor: Actor, sessionId: string, agendaItemId: string) {
  const [row] = await db
    .select({ item: agendaItems, session: bodySessions })
    .from(agendaItems)
    .innerJoin(bodySessions, eq(bodySessions.id, agendaItems.sessionId))
    .where(and(eq(agendaItems.id, agendaItemId), eq(agendaItems.sessionId, sessionId), eq(bodySessions.tenantId, actor.tenantId)));
  const viewer = steeringViewerOf(actor);
  // Another body's session looks like no session at all.
  if (!row || (!viewer.isCoordination && !viewer.memberBodyIds.has(row.session.bodyId))) throw new AppError("NOT_FOUND", "errors.notFound");
  return { ...row, viewer };
}

/** The decision on one agenda item, or for the coordination what the form to record it needs. */
export async function getDecision(db: Database, actor: Actor, sessionId: string, agendaItemId: string) {
  const { item, viewer } = await loadAgendaItem(db, actor, sessionId, agendaItemId);
  const [decision] = await db.select().from(decisions).where(eq(decisions.agendaItemId, item.id));
  const mayRecord = viewer.isCoordination && !decision;
  const options = mayRecord
    ? {
        bodies: await db
          .select({ id: bodies.id, name: bodies.name })
          .from(bodies)
          .where(eq(bodies.tenantId, actor.tenantId))
          .orderBy(asc(bodies.name)),
        organisations: await db
          .select({ id: organisations.id, name: organisations.name })
          .from(organisations)
          .where(eq(organisations.tenantId, actor.tenantId))
          .orderBy(asc(organisations.name)),
      }
    : null;
  const agendaItem = { id: item.id, title: item.title, kind: item.kind, themeId: item.themeId };
  if (!decision) return { agendaItem, decision: null, abilities: { record: mayRecord }, options };
  const assigned = await db
    .select({
      id: assignments.id,
      bodyId: assignments.bodyId,
      bodyName: bodies.name,
      task: assignments.task,
      dueDate: assignments.dueDate,
      status: assignments.status,
    })
    .from(assignments)
    .innerJoin(bodies, eq(bodies.id, assignments.bodyId))
    .where(eq(assignments.decisionId, decision.id))
    .orderBy(asc(assignments.createdAt), asc(assignments.id));
  const recommended = await db
    .select({
      id: recommendations.id,
      addressee: recommendations.addressee,
      organisationName: organisations.name,
      text: recommendations.text,
      dueDate: recommendations.dueDate,
      status: recommendations.status,
    })
    .from(recommendations)
    .leftJoin(organisations, eq(organisations.id, recommendations.responsibleOrganisationId))
    .where(eq(recommendations.decisionId, decision.id))
    .orderBy(asc(recommendations.createdAt), asc(recommendations.id));
  return {
    agendaItem,
    decision: {
      id: decision.id,
      outcome: decision.outcome,
      votesFor: decision.votesFor,
      votesAgainst: decision.votesAgainst,
      votesAbstain: decision.votesAbstain,
      text: decision.text,
      createdAt: decision.createdAt,
      assignments: assigned.map((a) => ({ ...a, isOverdue: isOverdue(a.dueDate, a.status) })),
      recommendations: recommended.map((r) => ({ ...r, isOverdue: isOverdue(r.dueDate, r.status) })),
    },
    abilities: { record: false },
    options: null,
  };
}

/**
 * Records what the body decided on an agenda item, with the tasks it gives groups and the
 * recommendations it sends out, and moves the item's theme along: decided (and in implementation
 * when something is to be done), rejected, or left where it is when postponed.
 */
export async function recordDecision(db: Database, actor: Actor, input: RecordDecisionInput) {
  requireCoordination(steeringViewerOf(actor));
  const { item, session } = await loadAgendaItem(db, actor, input.sessionId, input.agendaItemId);
  const bodyIds = [...new Set(input.assignments.map((a) => a.bodyId))];
  if (bodyIds.length) {
    const found = await db
      .select({ id: bodies.id })
      .from(bodies)
      .where(and(eq(bodies.tenantId, actor.tenantId), inArray(bodies.id, bodyIds)));
    if (found.length !== bodyIds.length) throw new AppError("INVALID_INPUT", "decisions.errors.unknownBody", "assignments");
  }
  const organisationIds = [...new Set(input.recommendations.map((r) => r.responsibleOrganisationId).filter((id): id is string => !!id))];
  if (organisationIds.length) {
    const found = await db
      .select({ id: organisations.id })
      .from(organisations)
      .where(and(eq(organisations.tenantId, actor.tenantId), inArray(organisations.id, organisationIds)));
    if (found.length !== organisationIds.length)
      throw new AppError("INVALID_INPUT", "decisions.errors.unknownOrganisation", "recommendations");
  }
  if (input.outcome === "postponed" && (input.assignments.length || input.recommendations.length)) {
    throw new AppError("INVALID_INPUT", "decisions.errors.postponedWithTasks", "outcome");
  }
  let themeId = item.themeId;
  if (!themeId && item.vorlageId) {
    const [vorlage] = await db.select({ themeId: vorlagen.themeId }).from(vorlagen).where(eq(vorlagen.id, item.vorlageId));
    themeId = vorlage?.themeId ?? null;
  }
  if (themeId) {
    const [theme] = await db
      .select({ id: themes.id })
      .from(themes)
      .where(and(eq(themes.id, themeId), eq(themes.tenantId, actor.tenantId)));
    if (!theme) themeId = null;
  }
  try {
    return await db.transaction(async (tx) => {
      const [decision] = await tx
        .insert(decisions)
        .values({
          tenantId: actor.tenantId,
          sessionId: session.id,
          agendaItemId: item.id,
          themeId,
          vorlageId: item.vorlageId,
          outcome: input.outcome,
          votesFor: input.votesFor,
          votesAgainst: input.votesAgainst,
          votesAbstain: input.votesAbstain,
          text: input.text,
          createdByUserId: actor.userId,
        })
        .returning({ id: decisions.id });
      if (input.assignments.length) {
        await tx.insert(assignments).values(
          input.assignments.map((a) => ({
            tenantId: actor.tenantId,
            decisionId: decision!.id,
            themeId,
            bodyId: a.bodyId,
            task: a.task,
            dueDate: a.dueDate,
          })),
        );
      }
      if (input.recommendations.length) {
        await tx.insert(recommendations).values(
          input.recommendations.map((r) => ({
            tenantId: actor.tenantId,
            decisionId: decision!.id,
            themeId,
            addressee: r.addressee,
            responsibleOrganisationId: r.responsibleOrganisationId,
            text: r.text,
            dueDate: r.dueDate,
          })),
        );
      }
      if (item.vorlageId && input.outcome !== "postponed")
        await tx.update(vorlagen).set({ status: "decided" }).where(eq(vorlagen.id, item.vorlageId));
      if (themeId) {
        const note = translate("decisions.notes.decided", {
          session: session.title,
          outcome: translate(`decisions.outcomes.${input.outcome}`),
        });
        if (input.outcome === "rejected") await recordThemeStatus(tx, actor, themeId, "rejected", note);
        else if (input.outcome !== "postponed") {
          await recordThemeStatus(tx, actor, themeId, "decided", note);
          if (input.assignments.length || input.recommendations.length) {
            await recordThemeStatus(tx, actor, themeId, "in_implementation", translate("decisions.notes.inImplementation"));
          }
        }
      }
      await recordAuditEvent(tx, {
        tenantId: actor.tenantId,
        actorUserId: actor.userId,
        action: "steering.decision_recorded",
        target: { type: "body_session", id: session.id },
        details: {
          decisionId: decision!.id,
          agendaItemId: item.id,
          themeId,
          outcome: input.outcome,
          assignments: input.assignments.length,
          recommendations: input.recommendations.length,
        },
      });
      return { id: decision!.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", "decisions.errors.alreadyDecided");
    throw error;
  }
}
