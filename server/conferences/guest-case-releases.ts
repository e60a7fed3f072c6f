import { and, asc, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { cases, conferenceCases, conferenceParticipants, guestCaseReleases, organisations, users } from "@/db/schema";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../auth/policy";
import { organisationsCoveredByConsent } from "../cases/intake";
import { AppError } from "../errors";
import { announceConsentChanged } from "../events/notices";
import type { GuestCaseReleaseInput } from "../schemas/guests";
import { requireParticipation } from "./conferences";
import { listAttachedCases } from "./conference-views";
import { mayConfirmGuestsForCase } from "./policy";

async function listActiveGuests(db: Database, conferenceId: string) {
  return db
    .select({ userId: users.id, name: users.displayName, organisationId: users.organisationId, organisationName: organisations.name })
    .from(conferenceParticipants)
    .innerJoin(users, and(eq(users.id, conferenceParticipants.userId), eq(users.isActive, true), eq(users.isGuest, true)))
    .leftJoin(organisations, eq(organisations.id, users.organisationId))
    .where(and(eq(conferenceParticipants.conferenceId, conferenceId), eq(conferenceParticipants.role, "guest")))
    .orderBy(asc(users.displayName));
}

/**
 * For each agenda case the actor is responsible for, the conference's guests: whether the case's
 * consent names their organisation and whether the actor has confirmed them. Empty for everyone else.
 */
export async function listGuestCaseReleases(db: Database, actor: Actor, conferenceId: string) {
  const { conference, role } = await requireParticipation(db, actor, conferenceId);
  const own = (await listAttachedCases(db, conferenceId)).filter((c) =>
    mayConfirmGuestsForCase(actor, { conference, participation: { role }, responsibleUserId: c.responsibleUserId }),
  );
  if (own.length === 0) return [];
  const guests = await listActiveGuests(db, conferenceId);
  const confirmed = await db
    .select({ caseId: guestCaseReleases.caseId, guestUserId: guestCaseReleases.guestUserId })
    .from(guestCaseReleases)
    .where(eq(guestCaseReleases.conferenceId, conferenceId));
  const result = [];
  for (const row of own) {
    const covered = await organisationsCoveredByConsent(db, row.caseId);
    result.push({
      caseId: row.caseId,
      pseudonym: row.pseudonym,
      guests: guests.map((guest) => ({
        userId: guest.userId,
        name: guest.name,
        organisationName: guest.organisationName ?? null,
        isCoveredOrganisation: !!guest.organisationId && covered.has(guest.organisationId),
        isConfirmed: confirmed.some((c) => c.caseId === row.caseId && c.guestUserId === guest.userId),
      })),
    });
  }
  return result;
}

/** The agenda case and the guest, after checking that the actor is the case's responsible case manager. */
async function requireResponsibleForGuest(db: Database, actor: Actor, input: GuestCaseReleaseInput) {
  const { conference, role } = await requireParticipation(db, actor, input.conferenceId);
  const [attached] = await db
    .select({ responsibleUserId: cases.responsibleUserId })
    .from(conferenceCases)
    .innerJoin(cases, eq(cases.id, conferenceCases.caseId))
    .where(and(eq(conferenceCases.conferenceId, input.conferenceId), eq(conferenceCases.caseId, input.caseId)));
  if (!attached) throw new AppError("NOT_FOUND", "errors.notFound");
  if (!mayConfirmGuestsForCase(actor, { conference, participation: { role }, responsibleUserId: attached.responsibleUserId })) {
    throw new AppError("FORBIDDEN", "guests.errors.onlyResponsibleCaseManager");
  }
  const guest = (await listActiveGuests(db, input.conferenceId)).find((g) => g.userId === input.guestUserId);
  if (!guest) throw new AppError("NOT_FOUND", "errors.notFound");
  return guest;
}

/**
 * The responsible case manager confirms that the Schweigepflichtentbindung covers this guest; only
 * then does the guest see the case. A guest whose organisation the consent does not name cannot be
 * confirmed: the confirmation widens nothing beyond the consent.
 */
export async function confirmGuestForCase(db: Database, actor: Actor, input: GuestCaseReleaseInput) {
  const guest = await requireResponsibleForGuest(db, actor, input);
  if (!guest.organisationId || !(await organisationsCoveredByConsent(db, input.caseId)).has(guest.organisationId)) {
    throw new AppError("CONFLICT", "guests.errors.guestNotCoveredByConsent", "guestUserId");
  }
  await db.transaction(async (tx) => {
    const inserted = await tx
      .insert(guestCaseReleases)
      .values({ conferenceId: input.conferenceId, caseId: input.caseId, guestUserId: guest.userId, confirmedByUserId: actor.userId })
      .onConflictDoNothing()
      .returning({ id: guestCaseReleases.id });
    if (inserted.length === 0) return;
    await recordAuditEvent(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: "conferences.guest_case_confirmed",
      target: { type: "conference", id: input.conferenceId },
      details: { caseId: input.caseId, guestUserId: guest.userId, organisationId: guest.organisationId },
    });
  });
  // Live boards send the case's cards to the guest from now on.
  announceConsentChanged(input.caseId);
  return { ok: true as const };
}

/** Withdraws the confirmation: the guest sees nothing of the case from the next read on. */
export async function withdrawGuestForCase(db: Database, actor: Actor, input: GuestCaseReleaseInput) {
  const guest = await requireResponsibleForGuest(db, actor, input);
  await db.transaction(async (tx) => {
    const deleted = await tx
      .delete(guestCaseReleases)
      .where(
        and(
          eq(guestCaseReleases.conferenceId, input.conferenceId),
          eq(guestCaseReleases.caseId, input.caseId),
          eq(guestCaseReleases.guestUserId, guest.userId),
        ),
      )
      .returning({ id: guestCaseReleases.id });
    if (deleted.length === 0) throw new AppError("NOT_FOUND", "errors.notFound");
    await recordAuditEvent(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: "conferences.guest_case_withdrawn",
      target: { type: "conference", id: input.conferenceId },
      details: { caseId: input.caseId, guestUserId: guest.userId },
    });
  });
  announceConsentChanged(input.caseId);
  return { ok: true as const };
}
