import { and, eq, inArray, type SQL } from "drizzle-orm";
import type { Database, Executor } from "@/db";
import { conferenceParticipants, conferences, tenants, users } from "@/db/schema";
import { recordAuditEvent } from "../audit/record-audit-event";
import { can, type Actor } from "../auth/policy";
import { AppError } from "../errors";
import type { ParticipantRole } from "../schemas/conference-kinds";
import { createConferenceSchema, type CreateConferenceRequest } from "../schemas/conferences";
import { requireKommuneInTenant } from "../tenancy/kommunen";
import { completeBoardParticipantLimits } from "../tenancy/tenant-settings";
import { phasesFor } from "./phase-templates";
import { conferenceAbilities } from "./policy";

export type ConferenceRow = typeof conferences.$inferSelect;

/** Plans a conference; the planner moderates it, the named colleagues take part. */
export async function createConference(db: Database, actor: Actor, request: CreateConferenceRequest) {
  // Parsed here too, so every caller gets the defaults and the same checks as the procedure.
  const input = createConferenceSchema.parse(request);
  if (!can(actor, "conferences.plan", { tenantId: actor.tenantId, kommuneId: input.kommuneId })) {
    throw new AppError("FORBIDDEN", "errors.forbidden");
  }
  if (input.kommuneId) await requireKommuneInTenant(db, actor.tenantId, input.kommuneId);
  const invited = [...new Set(input.participantUserIds.filter((id) => id !== actor.userId))];
  if (input.coModeratorUserIds.some((id) => !invited.includes(id))) {
    throw new AppError("INVALID_INPUT", "conferences.errors.coModeratorNotInvited", "coModeratorUserIds");
  }
  // Everyone invited must fit into the live room: the tenant sets how many a type's room holds.
  const [tenant] = await db.select({ limits: tenants.boardParticipantLimits }).from(tenants).where(eq(tenants.id, actor.tenantId));
  const roomHolds = completeBoardParticipantLimits(tenant?.limits ?? {})[input.type];
  if (invited.length + 1 > roomHolds) {
    throw new AppError("INVALID_INPUT", "conferences.errors.moreThanRoomHolds", "participantUserIds", { max: roomHolds });
  }
  if (invited.length) {
    const found = await db
      .select({ id: users.id })
      .from(users)
      .where(and(inArray(users.id, invited), eq(users.tenantId, actor.tenantId), eq(users.isActive, true), eq(users.isGuest, false)));
    if (found.length !== invited.length) throw new AppError("INVALID_INPUT", "conferences.errors.unknownParticipant", "participantUserIds");
  }
  // A follow-up continues a meeting of this tenant that the planner took part in.
  if (input.previousConferenceId) {
    const [previous] = await db
      .select({ id: conferences.id })
      .from(conferences)
      .innerJoin(
        conferenceParticipants,
        and(eq(conferenceParticipants.conferenceId, conferences.id), eq(conferenceParticipants.userId, actor.userId)),
      )
      .where(and(eq(conferences.id, input.previousConferenceId), eq(conferences.tenantId, actor.tenantId)));
    if (!previous) throw new AppError("INVALID_INPUT", "workPackages.errors.unknownPreviousConference", "previousConferenceId");
  }
  return db.transaction(async (tx) => {
    const { type, title, kommuneId, scheduledAt, place, isOnline } = input;
    // The meeting keeps its own copy of the Ablaufplan: later template changes do not move it.
    const phases = await phasesFor(tx, actor.tenantId, type);
    const [conference] = await tx
      .insert(conferences)
      .values({
        type,
        title,
        kommuneId,
        scheduledAt,
        place,
        isOnline,
        phases,
        previousConferenceId: input.previousConferenceId,
        tenantId: actor.tenantId,
        createdByUserId: actor.userId,
      })
      .returning();
    await tx.insert(conferenceParticipants).values([
      { conferenceId: conference!.id, userId: actor.userId, role: "moderator" as const },
      ...invited.map((userId) => ({
        conferenceId: conference!.id,
        userId,
        role: input.coModeratorUserIds.includes(userId) ? ("moderator" as const) : ("participant" as const),
      })),
    ]);
    await recordAuditEvent(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: "conferences.conference_created",
      target: { type: "conference", id: conference!.id },
      details: { type: input.type, participants: invited.length + 1 },
    });
    return conference!;
  });
}

/**
 * The conference, the actor's role in it and their abilities there, or NOT_FOUND for anyone not on its participant list
 * (also across tenants), so no one learns that a meeting exists that they are not part of.
 */
export async function requireParticipation<Alongside extends Record<string, SQL> = Record<never, SQL>>(
  db: Executor,
  actor: Actor,
  conferenceId: string,
  /** `alongside`: further values read in the same statement (one round trip, one snapshot). */
  options: { lock?: boolean; alongside?: Alongside } = {},
) {
  const query = db
    .select({ conference: conferences, role: conferenceParticipants.role, ...(options.alongside ?? {}) })
    .from(conferences)
    .innerJoin(
      conferenceParticipants,
      and(eq(conferenceParticipants.conferenceId, conferences.id), eq(conferenceParticipants.userId, actor.userId)),
    )
    .where(and(eq(conferences.id, conferenceId), eq(conferences.tenantId, actor.tenantId)));
  // Prepared: the server plans this statement once per connection, not on every board operation.
  const prepared = (options.lock ? query.for("update", { of: conferences }) : query).prepare("conference_participation");
  const [row] = (await prepared.execute()) as ({
    conference: typeof conferences.$inferSelect;
    role: ParticipantRole;
  } & { [K in keyof Alongside]: Alongside[K] extends SQL<infer T> ? T : never })[];
  const abilities = row && conferenceAbilities(actor, { conference: row.conference, participation: { role: row.role } });
  if (!row || !abilities?.takePart) throw new AppError("NOT_FOUND", "errors.notFound");
  return { ...row, abilities };
}

/** The moderator opens the meeting and closes it; a finished meeting's board is read-only. */
export async function setConferenceStatus(db: Database, actor: Actor, conferenceId: string, status: "running" | "finished") {
  return db.transaction(async (tx) => {
    const { conference, abilities } = await requireParticipation(tx, actor, conferenceId, { lock: true });
    if (!abilities.moderate) throw new AppError("FORBIDDEN", "conferences.board.moderatorOnly");
    const allowed = status === "running" ? conference.status === "planned" : conference.status === "running";
    if (!allowed) throw new AppError("CONFLICT", `conferences.errors.cannotBecome.${status}`);
    const now = new Date();
    await tx
      .update(conferences)
      .set(status === "running" ? { status, startedAt: now } : { status, finishedAt: now })
      .where(eq(conferences.id, conferenceId));
    await recordAuditEvent(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: "conferences.status_changed",
      target: { type: "conference", id: conferenceId },
      details: { status },
    });
    return { status };
  });
}
