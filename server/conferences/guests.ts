import { announceAccessChanged } from "../events/notices";
import { randomBytes } from "node:crypto";
import { and, asc, count, eq, sql } from "drizzle-orm";
import type { Database, Executor } from "@/db";
import { conferenceGuests, conferenceParticipants, conferences, organisations, users } from "@/db/schema";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../auth/policy";
import { AppError, violatedUniqueConstraint } from "../errors";
import type { ConferenceType } from "../schemas/conference-kinds";
import { linkSecretPattern } from "../schemas/secret-links";
import {
  confirmGuestSchema,
  maxConferencePeople,
  type InviteGuestInput,
  type ResetGuestDeviceInput,
  type RevokeGuestInput,
} from "../schemas/guests";
import { requireOrganisationInTenant } from "../tenancy/organisations";
import { consumeLinkBudget } from "../secret-links/link-budget";
import { createLinkSecret, hashLinkSecret, lookupHashOf, matchesSecretHash } from "../secret-links/secret-links";
import { requireParticipation } from "./conferences";

/** The conference and the actor's role in it, for the moderator only; others learn nothing more. */
async function requireModerator(db: Executor, actor: Actor, conferenceId: string, options: { lock?: boolean } = {}) {
  const row = await requireParticipation(db, actor, conferenceId, options);
  if (!row.abilities.inviteGuests) {
    throw new AppError("FORBIDDEN", "guests.errors.onlyModerator");
  }
  return row;
}

/**
 * The moderator invites an external guest: an account of their own without roles or password, a
 * participant of this conference only. The raw token leaves the server once, in this answer.
 */
export async function inviteGuest(db: Database, actor: Actor, input: InviteGuestInput) {
  const { conference } = await requireModerator(db, actor, input.conferenceId);
  if (conference.status === "finished") throw new AppError("CONFLICT", "guests.errors.finished");
  if (input.organisationId) await requireOrganisationInTenant(db, actor.tenantId, input.organisationId);
  const secret = createLinkSecret("guest", input.validDays);
  try {
    return await db.transaction(async (tx) => {
      // The row lock serialises concurrent invitations, so the limit cannot be overrun by a race.
      await requireModerator(tx, actor, input.conferenceId, { lock: true });
      const [people] = await tx
        .select({ value: count() })
        .from(conferenceParticipants)
        .where(eq(conferenceParticipants.conferenceId, input.conferenceId));
      if ((people?.value ?? 0) >= maxConferencePeople) {
        throw new AppError("CONFLICT", "guests.errors.limitReached", undefined, { max: maxConferencePeople });
      }
      const [user] = await tx
        .insert(users)
        .values({
          tenantId: actor.tenantId,
          username: `gast-${randomBytes(8).toString("hex")}`,
          displayName: input.name,
          email: input.email,
          organisationId: input.organisationId,
          passwordHash: null,
          isGuest: true,
        })
        .returning({ id: users.id });
      await tx.insert(conferenceParticipants).values({ conferenceId: input.conferenceId, userId: user!.id, role: "guest" });
      const [guest] = await tx
        .insert(conferenceGuests)
        .values({
          conferenceId: input.conferenceId,
          userId: user!.id,
          tokenHash: secret.tokenHash,
          expiresAt: secret.expiresAt,
          invitedName: input.name,
          organisationName: input.organisationName,
          invitedByUserId: actor.userId,
        })
        .returning({ id: conferenceGuests.id, expiresAt: conferenceGuests.expiresAt });
      await recordAuditEvent(tx, {
        tenantId: actor.tenantId,
        actorUserId: actor.userId,
        action: "conferences.guest_invited",
        target: { type: "conference", id: input.conferenceId },
        details: { guestId: guest!.id, guestUserId: user!.id, organisationId: input.organisationId, validDays: input.validDays },
      });
      return { guestId: guest!.id, link: secret.link, expiresAt: guest!.expiresAt };
    });
  } catch (error) {
    if (violatedUniqueConstraint(error) === "users_email_idx") throw new AppError("INVALID_INPUT", "guests.errors.emailTaken", "email");
    throw error;
  }
}

/** The conference's guests for its moderator; never the token hash. */
export async function listGuests(db: Database, actor: Actor, conferenceId: string) {
  await requireModerator(db, actor, conferenceId);
  const rows = await db
    .select({
      id: conferenceGuests.id,
      name: conferenceGuests.invitedName,
      email: users.email,
      organisationLabel: conferenceGuests.organisationName,
      organisationName: organisations.name,
      confirmedAt: conferenceGuests.confirmedAt,
      expiresAt: conferenceGuests.expiresAt,
      isDeviceBound: sql<boolean>`${conferenceGuests.deviceHash} is not null`,
      status: sql<"revoked" | "expired" | "confirmed" | "invited">`case
        when not ${users.isActive} then 'revoked'
        when ${conferenceGuests.expiresAt} <= now() then 'expired'
        when ${conferenceGuests.confirmedAt} is not null then 'confirmed'
        else 'invited' end`,
    })
    .from(conferenceGuests)
    .innerJoin(users, eq(users.id, conferenceGuests.userId))
    .leftJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(conferenceGuests.conferenceId, conferenceId))
    .orderBy(asc(conferenceGuests.createdAt));
  return rows.map(({ organisationLabel, organisationName, ...row }) => ({
    ...row,
    organisationName: [organisationName, organisationLabel].filter(Boolean).join(" – ") || null,
  }));
}

/**
 * Ends a guest's access at once: the account is deactivated and its sessions are void from the next
 * call on (also on the board's socket); the guest leaves the participant list.
 */
export async function revokeGuest(db: Database, actor: Actor, input: RevokeGuestInput) {
  const revoked = await db.transaction(async (tx) => {
    await requireModerator(tx, actor, input.conferenceId, { lock: true });
    const [guest] = await tx
      .select({ userId: conferenceGuests.userId })
      .from(conferenceGuests)
      .innerJoin(users, eq(users.id, conferenceGuests.userId))
      .where(and(eq(conferenceGuests.id, input.guestId), eq(conferenceGuests.conferenceId, input.conferenceId), eq(users.isActive, true)));
    if (!guest) throw new AppError("NOT_FOUND", "errors.notFound");
    await tx
      .delete(conferenceParticipants)
      .where(and(eq(conferenceParticipants.conferenceId, input.conferenceId), eq(conferenceParticipants.userId, guest.userId)));
    await endGuestSessions(tx, actor, input, guest.userId, { action: "conferences.guest_revoked", deactivate: true });
    return guest.userId;
  });
  announceAccessChanged(revoked);
  return { ok: true as const };
}

/**
 * Releases the device a guest's link is bound to (a new laptop, a lost phone): the next device that
 * confirms the link gets it, and the sessions on the old one end.
 */
export async function resetGuestDevice(db: Database, actor: Actor, input: ResetGuestDeviceInput) {
  const guestUserId = await db.transaction(async (tx) => {
    await requireModerator(tx, actor, input.conferenceId, { lock: true });
    const [guest] = await tx
      .update(conferenceGuests)
      .set({ deviceHash: null })
      .where(and(eq(conferenceGuests.id, input.guestId), eq(conferenceGuests.conferenceId, input.conferenceId)))
      .returning({ userId: conferenceGuests.userId });
    if (!guest) throw new AppError("NOT_FOUND", "errors.notFound");
    await endGuestSessions(tx, actor, input, guest.userId, { action: "conferences.guest_device_reset", deactivate: false });
    return guest.userId;
  });
  announceAccessChanged(guestUserId);
  return { ok: true as const };
}

/** Voids a guest's sessions from the next call on (deactivating the account too, if asked) and audits why. */
async function endGuestSessions(
  tx: Executor,
  actor: Actor,
  input: { conferenceId: string; guestId: string },
  guestUserId: string,
  { action, deactivate }: { action: "conferences.guest_revoked" | "conferences.guest_device_reset"; deactivate: boolean },
) {
  await tx
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1`, ...(deactivate ? { isActive: false } : {}) })
    .where(and(eq(users.id, guestUserId), eq(users.isGuest, true)));
  await recordAuditEvent(tx, {
    tenantId: actor.tenantId,
    actorUserId: actor.userId,
    action,
    target: { type: "conference", id: input.conferenceId },
    details: { guestId: input.guestId, guestUserId },
  });
}

/** An open link: known hash, not expired, active guest account still on the participant list. */
async function findUsableGuest(db: Executor, token: string) {
  const tokenHash = lookupHashOf(token);
  if (!tokenHash) return null;
  const [row] = await db
    .select({
      id: conferenceGuests.id,
      userId: users.id,
      tenantId: users.tenantId,
      sessionVersion: users.sessionVersion,
      invitedName: conferenceGuests.invitedName,
      organisationLabel: conferenceGuests.organisationName,
      organisationName: organisations.name,
      conferenceId: conferences.id,
      title: conferences.title,
      type: conferences.type,
      scheduledAt: conferences.scheduledAt,
      deviceHash: conferenceGuests.deviceHash,
    })
    .from(conferenceGuests)
    .innerJoin(users, and(eq(users.id, conferenceGuests.userId), eq(users.isActive, true), eq(users.isGuest, true)))
    .innerJoin(conferences, and(eq(conferences.id, conferenceGuests.conferenceId), eq(conferences.tenantId, users.tenantId)))
    .innerJoin(
      conferenceParticipants,
      and(
        eq(conferenceParticipants.conferenceId, conferences.id),
        eq(conferenceParticipants.userId, users.id),
        eq(conferenceParticipants.role, "guest"),
      ),
    )
    .leftJoin(organisations, eq(organisations.id, users.organisationId))
    .where(and(eq(conferenceGuests.tokenHash, tokenHash), sql`${conferenceGuests.expiresAt} > now()`))
    .limit(1);
  return row ?? null;
}

export type GuestLinkView =
  | { status: "open"; conference: { title: string; type: ConferenceType; scheduledAt: Date }; name: string; organisationName: string }
  | { status: "invalid" | "rateLimited" | "otherDevice" };

/**
 * What the link's public page may show: the conference's title, type and date and the names to
 * confirm. Unknown, expired and revoked links all get the same answer; a link bound to another
 * device shows nothing of the conference.
 */
export async function findGuestLink(db: Database, token: string, address: string, deviceSecret: string | null): Promise<GuestLinkView> {
  try {
    await consumeLinkBudget(db, "guest", "lookup", address);
  } catch (error) {
    if (error instanceof AppError && error.code === "RATE_LIMITED") return { status: "rateLimited" };
    throw error;
  }
  const row = await findUsableGuest(db, token);
  if (!row) return { status: "invalid" };
  if (row.deviceHash !== null && !(deviceSecret && matchesSecretHash(deviceSecret, row.deviceHash))) return { status: "otherDevice" };
  return {
    status: "open",
    conference: { title: row.title, type: row.type, scheduledAt: row.scheduledAt },
    name: row.invitedName,
    organisationName: row.organisationLabel || row.organisationName || "",
  };
}

export interface SignedInGuest {
  id: string;
  name: string;
  sessionVersion: number;
  conferenceId: string;
}

/**
 * The guest confirms name, organisation and the confidentiality notice through their link and is
 * signed in as their guest account; null for a refused confirmation (one answer for every reason).
 * The first device that confirms binds the link (its device secret, stored hashed); another device
 * is refused with its own message until the moderator releases the binding, so a forwarded link does
 * not become a shared identity.
 */
export async function confirmGuestLink(
  db: Database,
  credentials: unknown,
  address: string,
  deviceSecret: string | null,
): Promise<SignedInGuest | null> {
  await consumeLinkBudget(db, "guest", "lookup", address);
  const parsed = confirmGuestSchema.safeParse(credentials);
  const guest = parsed.success ? await findUsableGuest(db, parsed.data.token) : null;
  if (!parsed.success || !guest) {
    await recordAuditEvent(db, {
      tenantId: guest?.tenantId ?? null,
      actorUserId: guest?.userId ?? null,
      action: "auth.sign_in_failed",
      outcome: "failure",
      details: { method: "guest_link", reason: parsed.success ? "invalid_link" : "invalid_input" },
    });
    return null;
  }
  const { name, organisationName } = parsed.data;
  const device = deviceSecret && linkSecretPattern.test(deviceSecret) ? deviceSecret : null;
  const isOwnDevice = await db.transaction(async (tx) => {
    // The row lock lets only one of two devices confirming at once bind the link.
    const [row] = await tx
      .select({ deviceHash: conferenceGuests.deviceHash })
      .from(conferenceGuests)
      .where(eq(conferenceGuests.id, guest.id))
      .for("update");
    const bound = row?.deviceHash ?? null;
    if (!device || (bound !== null && !matchesSecretHash(device, bound))) return false;
    await tx
      .update(conferenceGuests)
      .set({
        confirmedAt: sql`coalesce(${conferenceGuests.confirmedAt}, now())`,
        invitedName: name,
        organisationName,
        deviceHash: bound ?? hashLinkSecret(device),
      })
      .where(eq(conferenceGuests.id, guest.id));
    await tx.update(users).set({ displayName: name, lastSignInAt: new Date() }).where(eq(users.id, guest.userId));
    await recordAuditEvent(tx, {
      tenantId: guest.tenantId,
      actorUserId: guest.userId,
      action: "conferences.guest_confirmed",
      target: { type: "conference", id: guest.conferenceId },
      details: { guestId: guest.id, confidentialityConfirmed: true },
    });
    await recordAuditEvent(tx, {
      tenantId: guest.tenantId,
      actorUserId: guest.userId,
      action: "auth.sign_in",
      details: { method: "guest_link" },
    });
    return true;
  });
  if (!isOwnDevice) {
    await recordAuditEvent(db, {
      tenantId: guest.tenantId,
      actorUserId: guest.userId,
      action: "auth.sign_in_failed",
      outcome: "failure",
      details: { method: "guest_link", reason: "other_device", guestId: guest.id },
    });
    throw new AppError("CONFLICT", "guests.errors.otherDevice");
  }
  return { id: guest.userId, name, sessionVersion: guest.sessionVersion, conferenceId: guest.conferenceId };
}
