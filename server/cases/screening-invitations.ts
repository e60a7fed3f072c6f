import { and, desc, eq, sql } from "drizzle-orm";
import type { Database, Executor } from "@/db";
import { cases, kommunen, organisations, screeningInvitations, tenants, users } from "@/db/schema";
import { recordAuditEvent } from "../audit/record-audit-event";
import { loadActor } from "../auth/load-actor";
import { can, type Actor } from "../auth/policy";
import { AppError } from "../errors";
import { translate } from "../i18n/translate";
import { identitySchema } from "../schemas/cases";
import { type CreateScreeningInvitationInput, type SubmitScreeningInput } from "../schemas/screening-invitations";
import { consumeLinkBudget } from "../secret-links/link-budget";
import { createLinkSecret, lookupHashOf } from "../secret-links/secret-links";
import { requireKommuneInTenant } from "../tenancy/kommunen";
import { requireOrganisationInTenant } from "../tenancy/organisations";
import { openCase } from "./cases";

const isOpen = sql`${screeningInvitations.usedAt} is null and ${screeningInvitations.expiresAt} > now()`;

/** One answer for unknown, used, expired and revoked links, so the answer reveals nothing. */
const invalidLink = () => new AppError("NOT_FOUND", "invitations.errors.invalidLink");

/**
 * A case manager invites a partner organisation to refer one person through the Screening form.
 * The raw token leaves the server once, in this answer.
 */
export async function createScreeningInvitation(db: Database, actor: Actor, input: CreateScreeningInvitationInput) {
  if (!can(actor, "cases.work", { tenantId: actor.tenantId, kommuneId: input.kommuneId })) {
    throw new AppError("FORBIDDEN", "errors.forbidden");
  }
  await requireOrganisationInTenant(db, actor.tenantId, input.organisationId);
  if (input.kommuneId) await requireKommuneInTenant(db, actor.tenantId, input.kommuneId);
  const secret = createLinkSecret("screening", input.validDays);
  return db.transaction(async (tx) => {
    const [invitation] = await tx
      .insert(screeningInvitations)
      .values({
        tenantId: actor.tenantId,
        invitedByUserId: actor.userId,
        organisationId: input.organisationId,
        kommuneId: input.kommuneId,
        note: input.note,
        tokenHash: secret.tokenHash,
        expiresAt: secret.expiresAt,
      })
      .returning({ id: screeningInvitations.id, expiresAt: screeningInvitations.expiresAt });
    await recordAuditEvent(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: "cases.invitation_created",
      target: { type: "screening_invitation", id: invitation!.id },
      // The note stays out of the audit log: despite the hint it might hold a name.
      details: { organisationId: input.organisationId, kommuneId: input.kommuneId, validDays: input.validDays },
    });
    return { id: invitation!.id, link: secret.link, expiresAt: invitation!.expiresAt };
  });
}

/** The case manager's own invitations, newest first; never the token hash. */
export async function listScreeningInvitations(db: Database, actor: Actor) {
  return db
    .select({
      id: screeningInvitations.id,
      organisationName: organisations.name,
      kommuneName: kommunen.name,
      note: screeningInvitations.note,
      createdAt: screeningInvitations.createdAt,
      expiresAt: screeningInvitations.expiresAt,
      usedAt: screeningInvitations.usedAt,
      status: sql<
        "open" | "used" | "expired"
      >`case when ${screeningInvitations.usedAt} is not null then 'used' when ${screeningInvitations.expiresAt} > now() then 'open' else 'expired' end`,
      caseId: screeningInvitations.caseId,
      casePseudonym: cases.pseudonym,
    })
    .from(screeningInvitations)
    .innerJoin(organisations, eq(organisations.id, screeningInvitations.organisationId))
    .leftJoin(kommunen, eq(kommunen.id, screeningInvitations.kommuneId))
    .leftJoin(cases, eq(cases.id, screeningInvitations.caseId))
    .where(and(eq(screeningInvitations.tenantId, actor.tenantId), eq(screeningInvitations.invitedByUserId, actor.userId)))
    .orderBy(desc(screeningInvitations.createdAt))
    .limit(200);
}

/** Revoking ends the validity now; another case manager's invitation is "not found". */
export async function revokeScreeningInvitation(db: Database, actor: Actor, id: string) {
  return db.transaction(async (tx) => {
    const [revoked] = await tx
      .update(screeningInvitations)
      .set({ expiresAt: sql`now()` })
      .where(
        and(
          eq(screeningInvitations.id, id),
          eq(screeningInvitations.tenantId, actor.tenantId),
          eq(screeningInvitations.invitedByUserId, actor.userId),
          isOpen,
        ),
      )
      .returning({ id: screeningInvitations.id });
    if (!revoked) throw new AppError("NOT_FOUND", "errors.notFound");
    await recordAuditEvent(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: "cases.invitation_revoked",
      target: { type: "screening_invitation", id },
    });
    return { ok: true as const };
  });
}

async function findUsableInvitation(db: Executor, token: string) {
  const tokenHash = lookupHashOf(token);
  if (!tokenHash) return null;
  const [row] = await db
    .select({
      id: screeningInvitations.id,
      tenantId: screeningInvitations.tenantId,
      tenantName: tenants.name,
      invitedByUserId: screeningInvitations.invitedByUserId,
      inviterSessionVersion: users.sessionVersion,
      organisationId: screeningInvitations.organisationId,
      organisationName: organisations.name,
      kommuneId: screeningInvitations.kommuneId,
      expiresAt: screeningInvitations.expiresAt,
    })
    .from(screeningInvitations)
    .innerJoin(tenants, eq(tenants.id, screeningInvitations.tenantId))
    .innerJoin(organisations, eq(organisations.id, screeningInvitations.organisationId))
    .innerJoin(users, eq(users.id, screeningInvitations.invitedByUserId))
    .where(and(eq(screeningInvitations.tokenHash, tokenHash), isOpen))
    .limit(1);
  if (!row) return null;
  // The link dies with its case manager's account or role: the case would have nobody to work it.
  const inviter = await loadActor(db, { userId: row.invitedByUserId, sessionVersion: row.inviterSessionVersion });
  if (!inviter || !can(inviter, "cases.work", { tenantId: row.tenantId, kommuneId: row.kommuneId })) return null;
  return row;
}

/** What the public page may show about an open link: who is invited, by which programme, until when. */
export async function findInvitationForScreening(db: Executor, token: string) {
  const invitation = await findUsableInvitation(db, token);
  if (!invitation) return null;
  return { organisationName: invitation.organisationName, tenantName: invitation.tenantName, expiresAt: invitation.expiresAt };
}

/**
 * A network actor's Screening through the link: opens the case for the inviting case manager
 * exactly as `createCase` does, and uses up the link in the same transaction. A person already in
 * an open case gets the same answer: the link is used up and the coordination is told (its list of
 * duplicate attempts), so the link's holder cannot learn who is in case management.
 */
export async function submitScreeningByInvitation(db: Database, input: SubmitScreeningInput, address: string) {
  await consumeLinkBudget(db, "screening", "submit", address);
  const invitation = await findUsableInvitation(db, input.token);
  if (!invitation) throw invalidLink();
  const referrerLine = translate("invitations.referrerLine", {
    name: input.referrer.name,
    organisation: invitation.organisationName,
    contact: input.referrer.contact,
  });
  await openCase(db, {
    tenantId: invitation.tenantId,
    responsibleUserId: invitation.invitedByUserId,
    auditActorUserId: null,
    accessChannel: "screening_referral",
    kommuneId: invitation.kommuneId,
    referringOrganisationId: invitation.organisationId,
    identity: identitySchema.parse(input.identity),
    screening: {
      ...input.screening,
      involvedServices: [input.screening.involvedServices, referrerLine].filter(Boolean).join("\n"),
    },
    auditDetails: { invitationId: invitation.id },
    beforeInsert: async (tx) => {
      // The row lock makes a concurrent submission wait here and then find the link used.
      const [claimed] = await tx
        .update(screeningInvitations)
        .set({ usedAt: sql`now()` })
        .where(and(eq(screeningInvitations.id, invitation.id), isOpen))
        .returning({ id: screeningInvitations.id });
      if (!claimed) throw invalidLink();
    },
    quietDuplicate: true,
    afterInsert: async (tx, created) => {
      await tx.update(screeningInvitations).set({ caseId: created.id }).where(eq(screeningInvitations.id, invitation.id));
      await recordAuditEvent(tx, {
        tenantId: invitation.tenantId,
        actorUserId: null,
        action: "cases.invitation_used",
        target: { type: "case", id: created.id },
        details: { invitationId: invitation.id, organisationId: invitation.organisationId, consentConfirmed: true },
      });
    },
  });
  return { ok: true as const };
}
