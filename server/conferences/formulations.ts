import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Database, Executor } from "@/db";
import { boardCards, formulationConsents, themeFormulations, themes, themeSources, themeStatusChanges, themeVersions } from "@/db/schema";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../auth/policy";
import { AppError, isUniqueViolation } from "../errors";
import { translate } from "../i18n/translate";
import { documentToRichText } from "../shared-documents/rich-text";
import { createSharedDocument, loadSharedDocument, lockSharedDocument } from "../shared-documents/storage";
import type { BoardMeta } from "../schemas/board";
import { consentVotes, type ConsentVote } from "../schemas/conference-kinds";
import type { StartFormulationInput, VoteFormulationInput } from "../schemas/formulations";
import { formulationDocumentKey } from "../schemas/shared-documents";
import { requireParticipation } from "./conferences";
import type { ConferenceAbilities } from "./policy";
import { listParticipants } from "./conference-views";
import { rejectAgendaIdentity } from "./agenda-identity";

type FormulationRow = typeof themeFormulations.$inferSelect;

/** Conference types whose plenum formulates generative themes. */
const formulatingTypes = new Set(["planungskonferenz", "fallrekonstruktion"]);

function clustersOf(meta: BoardMeta | null | undefined) {
  return meta?.clusters ?? {};
}

function requireModerator(abilities: ConferenceAbilities) {
  if (!abilities.moderate) throw new AppError("FORBIDDEN", "formulations.errors.moderatorOnly");
}

/**
 * The formulation and the actor's abilities in its conference; NOT_FOUND for anyone who is not a
 * participant, across tenants too, exactly as for an id that does not exist.
 */
async function requireFormulation(db: Executor, actor: Actor, formulationId: string) {
  const [formulation] = await db.select().from(themeFormulations).where(eq(themeFormulations.id, formulationId));
  if (!formulation) throw new AppError("NOT_FOUND", "errors.notFound");
  const { conference, abilities } = await requireParticipation(db, actor, formulation.conferenceId);
  return { formulation, conference, abilities };
}

async function lockFormulation(tx: Executor, formulationId: string): Promise<FormulationRow> {
  const [formulation] = await tx.select().from(themeFormulations).where(eq(themeFormulations.id, formulationId)).for("update");
  if (!formulation) throw new AppError("NOT_FOUND", "errors.notFound");
  return formulation;
}

/** The board's clusters, to choose one for a formulation; those already being formulated are marked. */
export async function listFormulationClusters(db: Database, actor: Actor, conferenceId: string) {
  const { conference } = await requireParticipation(db, actor, conferenceId);
  const taken = new Set(
    (
      await db
        .select({ clusterId: themeFormulations.clusterId })
        .from(themeFormulations)
        .where(eq(themeFormulations.conferenceId, conferenceId))
    ).map((r) => r.clusterId),
  );
  return Object.entries(clustersOf(conference.boardMeta))
    .sort(([, a], [, b]) => (a.orderKey < b.orderKey ? -1 : a.orderKey > b.orderKey ? 1 : 0))
    .map(([clusterId, cluster]) => ({ clusterId, title: cluster.title, hasFormulation: taken.has(clusterId) }));
}

/** The moderator opens the consensual formulation of one cluster: a shared document everyone edits. */
export async function startFormulation(db: Database, actor: Actor, input: StartFormulationInput) {
  try {
    return await db.transaction(async (tx) => {
      const { conference, abilities } = await requireParticipation(tx, actor, input.conferenceId, { lock: true });
      requireModerator(abilities);
      if (!formulatingTypes.has(conference.type)) throw new AppError("CONFLICT", "formulations.errors.wrongType");
      const cluster = clustersOf(conference.boardMeta)[input.clusterId];
      if (!cluster) throw new AppError("NOT_FOUND", "formulations.errors.unknownCluster", "clusterId");
      await rejectAgendaIdentity(tx, conference.id, [input.title || cluster.title], {
        message: "formulations.errors.containsIdentity",
        field: "title",
      });
      const id = randomUUID();
      const document = await createSharedDocument(tx, conference.id, formulationDocumentKey(id));
      const [formulation] = await tx
        .insert(themeFormulations)
        .values({
          id,
          conferenceId: conference.id,
          clusterId: input.clusterId,
          title: input.title || cluster.title,
          documentId: document.id,
          createdByUserId: actor.userId,
        })
        .returning();
      await recordAuditEvent(tx, {
        tenantId: actor.tenantId,
        actorUserId: actor.userId,
        action: "conferences.formulation_started",
        target: { type: "conference", id: conference.id },
        details: { formulationId: id, clusterId: input.clusterId },
      });
      return { id: formulation!.id, documentKey: formulationDocumentKey(formulation!.id) };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", "formulations.errors.alreadyStarted", "clusterId");
    throw error;
  }
}

export type ConsentTally = Record<ConsentVote, number>;

/**
 * Every formulation of the conference with the consent check: the tally, each participant's vote
 * by name (the check is visible to all, as in the room), and what the viewer may do.
 */
export async function listFormulations(db: Database, actor: Actor, conferenceId: string) {
  const { abilities } = await requireParticipation(db, actor, conferenceId);
  const isModerator = abilities.moderate;
  const formulations = await db
    .select()
    .from(themeFormulations)
    .where(eq(themeFormulations.conferenceId, conferenceId))
    .orderBy(asc(themeFormulations.createdAt), asc(themeFormulations.id));
  const consents = formulations.length
    ? await db
        .select()
        .from(formulationConsents)
        .where(
          inArray(
            formulationConsents.formulationId,
            formulations.map((f) => f.id),
          ),
        )
    : [];
  const participants = await listParticipants(db, conferenceId);
  return {
    mayStart: isModerator,
    formulations: formulations.map((f) => {
      const votes = new Map(consents.filter((c) => c.formulationId === f.id).map((c) => [c.userId, c.vote]));
      const tally = Object.fromEntries(consentVotes.map((vote) => [vote, 0])) as ConsentTally;
      for (const vote of votes.values()) tally[vote] += 1;
      const isDrafting = f.status === "drafting";
      return {
        id: f.id,
        title: f.title,
        clusterId: f.clusterId,
        status: f.status,
        documentKey: formulationDocumentKey(f.id),
        themeId: f.themeId,
        finalisedAt: f.finalisedAt,
        tally,
        votes: participants.map((p) => ({ userId: p.userId, displayName: p.displayName, vote: votes.get(p.userId) ?? null })),
        viewerVote: votes.get(actor.userId) ?? null,
        hasVoted: votes.has(actor.userId),
        mayVote: isDrafting,
        mayFinalise: isDrafting && isModerator,
        /** Why finalising would be refused now: someone objects, or nobody has agreed yet. */
        blockedBy: tally.object > 0 ? ("objection" as const) : tally.agree === 0 ? ("noAgreement" as const) : null,
      };
    }),
  };
}

/** A participant's consent check: agree, can live with it, or object. Changeable until finalised. */
export async function voteOnFormulation(db: Database, actor: Actor, input: VoteFormulationInput) {
  return db.transaction(async (tx) => {
    await requireFormulation(tx, actor, input.formulationId);
    // Locked: a finalisation running at the same time sees this vote or refuses it.
    const formulation = await lockFormulation(tx, input.formulationId);
    if (formulation.status !== "drafting") throw new AppError("CONFLICT", "formulations.errors.finalised");
    await tx
      .insert(formulationConsents)
      .values({ formulationId: formulation.id, userId: actor.userId, vote: input.vote })
      .onConflictDoUpdate({
        target: [formulationConsents.formulationId, formulationConsents.userId],
        set: { vote: input.vote, updatedAt: new Date() },
      });
    return { vote: input.vote };
  });
}

/**
 * The moderator closes the formulation once nobody objects and at least one person agrees: the
 * shared text is frozen as validated ProseMirror JSON and the theme enters the registry with its
 * provenance, one source per visible card of the cluster. All of it commits together, under the
 * document's lock, so no keystroke lands between freezing and finalising.
 */
export async function finaliseFormulation(db: Database, actor: Actor, formulationId: string) {
  return db.transaction(async (tx) => {
    const { formulation: found, conference, abilities } = await requireFormulation(tx, actor, formulationId);
    requireModerator(abilities);
    const document = await lockSharedDocument(tx, found.documentId);
    const formulation = await lockFormulation(tx, formulationId);
    if (formulation.status !== "drafting") throw new AppError("CONFLICT", "formulations.errors.finalised");
    const consents = await tx
      .select({ vote: formulationConsents.vote })
      .from(formulationConsents)
      .where(eq(formulationConsents.formulationId, formulation.id));
    if (consents.some((c) => c.vote === "object")) throw new AppError("CONFLICT", "formulations.errors.objection");
    if (!consents.some((c) => c.vote === "agree")) throw new AppError("CONFLICT", "formulations.errors.noAgreement");

    const { doc } = await loadSharedDocument(tx, document);
    let wording: ReturnType<typeof documentToRichText>;
    try {
      wording = documentToRichText(doc);
    } catch (error) {
      if (error instanceof AppError) throw new AppError("CONFLICT", "formulations.errors.invalidText");
      throw error;
    }
    if (!wording.text) throw new AppError("CONFLICT", "formulations.errors.emptyText");
    // The wording enters the registry, which the bodies read: checked once more as a whole.
    await rejectAgendaIdentity(tx, conference.id, [formulation.title, wording.text], { message: "formulations.errors.containsIdentity" });

    const cards = await tx
      .select({ id: boardCards.id, text: boardCards.text, caseId: boardCards.caseId, lifeArea: boardCards.lifeArea })
      .from(boardCards)
      .where(
        and(
          eq(boardCards.conferenceId, conference.id),
          eq(boardCards.clusterId, formulation.clusterId),
          eq(boardCards.isHidden, false),
          eq(boardCards.isSolution, false),
        ),
      )
      .orderBy(asc(boardCards.orderKey), asc(boardCards.id));

    const [theme] = await tx
      .insert(themes)
      .values({
        tenantId: conference.tenantId,
        title: formulation.title,
        description: wording.doc,
        descriptionText: wording.text,
        status: "identified",
        createdByUserId: actor.userId,
      })
      .returning({ id: themes.id });
    const themeId = theme!.id;
    await tx
      .insert(themeVersions)
      .values({ themeId, version: 1, title: formulation.title, description: wording.doc, createdByUserId: actor.userId });
    await tx.insert(themeStatusChanges).values({
      themeId,
      fromStatus: null,
      toStatus: "identified",
      note: translate("themes.notes.identifiedInConference", { title: conference.title }),
      actorUserId: actor.userId,
    });
    const kind = conference.type === "fallrekonstruktion" ? ("reconstruction" as const) : ("conference" as const);
    const base = { themeId, tenantId: conference.tenantId, kind, conferenceId: conference.id, kommuneId: conference.kommuneId };
    // Without cards the conference itself is the provenance.
    const sources = cards.length
      ? cards.map((card) => ({ ...base, cardId: card.id, caseId: card.caseId, lifeArea: card.lifeArea, excerpt: card.text }))
      : [{ ...base, cardId: null, caseId: null, excerpt: "" }];
    await tx.insert(themeSources).values(sources);
    await tx
      .update(themeFormulations)
      .set({ status: "finalised", finalText: wording.doc, themeId, finalisedAt: new Date() })
      .where(eq(themeFormulations.id, formulation.id));
    await recordAuditEvent(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: "conferences.formulation_finalised",
      target: { type: "conference", id: conference.id },
      details: {
        formulationId: formulation.id,
        themeId,
        sources: cards.length,
        cases: new Set(cards.map((c) => c.caseId).filter(Boolean)).size,
      },
    });
    return { themeId };
  });
}
