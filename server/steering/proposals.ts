import { and, desc, eq, inArray } from "drizzle-orm";
import type { Database } from "@/db";
import { assignments, bodies, proposals, themes, users } from "@/db/schema";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../auth/policy";
import { AppError } from "../errors";
import { translate } from "../i18n/translate";
import { validateRichText, type RichTextDoc } from "../rich-text/validate";
import type { CreateProposalInput, UpdateProposalInput } from "../schemas/decisions";
import { proposalAbilities, requireCoordinationOrMember, steeringViewerOf, workingGroupKinds } from "./policy";
import { advanceTheme } from "./theme-progress";

async function loadTheme(db: Database, actor: Actor, themeId: string) {
  const [theme] = await db
    .select({ id: themes.id, title: themes.title })
    .from(themes)
    .where(and(eq(themes.id, themeId), eq(themes.tenantId, actor.tenantId)));
  if (!theme) throw new AppError("NOT_FOUND", "errors.notFound");
  return theme;
}

/**
 * A working group drafts on a theme the Lenkungsgruppe assigned to it; the coordination may draft
 * for any working group (e.g. on behalf of a group without platform accounts).
 */
export async function createProposal(db: Database, actor: Actor, input: CreateProposalInput) {
  const viewer = steeringViewerOf(actor);
  requireCoordinationOrMember(viewer, input.bodyId);
  const [body] = await db
    .select({ id: bodies.id, kind: bodies.kind })
    .from(bodies)
    .where(and(eq(bodies.id, input.bodyId), eq(bodies.tenantId, actor.tenantId)));
  if (!body) throw new AppError("NOT_FOUND", "errors.notFound");
  if (!(workingGroupKinds as readonly string[]).includes(body.kind))
    throw new AppError("INVALID_INPUT", "decisions.errors.notWorkingGroup", "bodyId");
  const theme = await loadTheme(db, actor, input.themeId);
  if (!viewer.isCoordination) {
    const [assigned] = await db
      .select({ id: assignments.id })
      .from(assignments)
      .where(and(eq(assignments.themeId, theme.id), eq(assignments.bodyId, body.id), eq(assignments.tenantId, actor.tenantId)))
      .limit(1);
    if (!assigned) throw new AppError("FORBIDDEN", "decisions.errors.themeNotAssigned", "themeId");
  }
  const { doc } = validateRichText(input.body);
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(proposals)
      .values({
        tenantId: actor.tenantId,
        themeId: theme.id,
        bodyId: body.id,
        title: input.title,
        body: doc,
        createdByUserId: actor.userId,
      })
      .returning({ id: proposals.id });
    await recordAuditEvent(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: "steering.proposal_created",
      target: { type: "theme", id: theme.id },
      details: { proposalId: created!.id, bodyId: body.id },
    });
    return created!;
  });
}

async function loadProposal(db: Database, actor: Actor, proposalId: string) {
  const [proposal] = await db
    .select()
    .from(proposals)
    .where(and(eq(proposals.id, proposalId), eq(proposals.tenantId, actor.tenantId)));
  if (!proposal) throw new AppError("NOT_FOUND", "errors.notFound");
  const viewer = steeringViewerOf(actor);
  // Another group's proposal looks like no proposal at all.
  if (!viewer.isCoordination && !viewer.memberBodyIds.has(proposal.bodyId)) throw new AppError("NOT_FOUND", "errors.notFound");
  return { proposal, viewer };
}

export async function updateProposal(db: Database, actor: Actor, input: UpdateProposalInput) {
  const { proposal, viewer } = await loadProposal(db, actor, input.proposalId);
  if (!proposalAbilities(viewer, proposal).edit) throw new AppError("CONFLICT", "decisions.errors.proposalNotDraft");
  const { doc } = validateRichText(input.body);
  return db.transaction(async (tx) => {
    await tx.update(proposals).set({ title: input.title, body: doc }).where(eq(proposals.id, proposal.id));
    await recordAuditEvent(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: "steering.proposal_updated",
      target: { type: "theme", id: proposal.themeId },
      details: { proposalId: proposal.id },
    });
    return { id: proposal.id };
  });
}

/** Submitting hands the proposal to the coordination; the theme is now "Vorschlag in Arbeit". */
export async function submitProposal(db: Database, actor: Actor, proposalId: string) {
  const { proposal, viewer } = await loadProposal(db, actor, proposalId);
  if (!proposalAbilities(viewer, proposal).submit) throw new AppError("CONFLICT", "decisions.errors.proposalNotDraft");
  return db.transaction(async (tx) => {
    await tx.update(proposals).set({ status: "submitted" }).where(eq(proposals.id, proposal.id));
    await advanceTheme(
      tx,
      actor,
      proposal.themeId,
      "proposal_in_work",
      translate("decisions.notes.proposalSubmitted", { title: proposal.title }),
    );
    await recordAuditEvent(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: "steering.proposal_submitted",
      target: { type: "theme", id: proposal.themeId },
      details: { proposalId: proposal.id },
    });
    return { id: proposal.id, status: "submitted" as const };
  });
}

/** Proposals the actor may read: all for the coordination, their own groups' for body members. */
export async function listProposals(db: Database, actor: Actor, themeId: string | null) {
  const viewer = steeringViewerOf(actor);
  if (!viewer.isCoordination && viewer.memberBodyIds.size === 0) return [];
  const conditions = [eq(proposals.tenantId, actor.tenantId)];
  if (themeId) conditions.push(eq(proposals.themeId, themeId));
  if (!viewer.isCoordination) conditions.push(inArray(proposals.bodyId, [...viewer.memberBodyIds]));
  const rows = await db
    .select({
      id: proposals.id,
      title: proposals.title,
      body: proposals.body,
      status: proposals.status,
      themeId: proposals.themeId,
      themeTitle: themes.title,
      bodyId: proposals.bodyId,
      bodyName: bodies.name,
      authorName: users.displayName,
      updatedAt: proposals.updatedAt,
    })
    .from(proposals)
    .innerJoin(themes, eq(themes.id, proposals.themeId))
    .innerJoin(bodies, eq(bodies.id, proposals.bodyId))
    .innerJoin(users, eq(users.id, proposals.createdByUserId))
    .where(and(...conditions))
    .orderBy(desc(proposals.updatedAt), desc(proposals.id));
  return rows.map((row) => ({ ...row, body: row.body as RichTextDoc, abilities: proposalAbilities(viewer, row) }));
}

/** What the drafting form offers: the groups the actor drafts for, and their assigned themes. */
export async function proposalOptions(db: Database, actor: Actor) {
  const viewer = steeringViewerOf(actor);
  const groups = await db
    .select({ id: bodies.id, name: bodies.name, kind: bodies.kind })
    .from(bodies)
    .where(and(eq(bodies.tenantId, actor.tenantId), inArray(bodies.kind, [...workingGroupKinds])))
    .orderBy(bodies.name);
  const mine = groups.filter((group) => viewer.isCoordination || viewer.memberBodyIds.has(group.id));
  const themeRows = viewer.isCoordination
    ? await db.select({ id: themes.id, title: themes.title }).from(themes).where(eq(themes.tenantId, actor.tenantId)).orderBy(themes.title)
    : mine.length === 0
      ? []
      : await db
          .selectDistinct({ id: themes.id, title: themes.title })
          .from(assignments)
          .innerJoin(themes, eq(themes.id, assignments.themeId))
          .where(
            and(
              eq(assignments.tenantId, actor.tenantId),
              inArray(
                assignments.bodyId,
                mine.map((g) => g.id),
              ),
            ),
          )
          .orderBy(themes.title);
  return { groups: mine.map(({ id, name }) => ({ id, name })), themes: themeRows };
}
