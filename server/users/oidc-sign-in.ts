import { and, eq, isNull } from "drizzle-orm";
import type { Database, Executor } from "@/db";
import { users } from "@/db/schema";
import { recordAuditEvent } from "../audit/record-audit-event";
import { violatedUniqueConstraint } from "../errors";

/** The claims of an ID token as next-auth hands them over; anything may be missing or of the wrong type. */
export interface OidcClaims {
  iss?: unknown;
  sub?: unknown;
  email?: unknown;
  email_verified?: unknown;
}

export type OidcRefusal = "invalid_claims" | "unverified_email" | "no_account";

const nonEmpty = (value: unknown): value is string => typeof value === "string" && value.trim().length > 0;

/** Some providers send the claim as the string "true"; anything else counts as not verified. */
const isVerified = (value: unknown) => value === true || value === "true";

/** An account bound to exactly this issuer and subject that may still sign in; the e-mail plays no part. */
export async function findUserByOidcIdentity(db: Executor, issuer: string, subject: string) {
  const [user] = await db
    .select()
    .from(users)
    .where(
      and(
        eq(users.oidcIssuer, issuer),
        eq(users.oidcSubject, subject),
        eq(users.isActive, true),
        eq(users.isGuest, false),
        eq(users.oidcSignInEnabled, true),
      ),
    )
    .limit(1);
  return user;
}

/**
 * Who an OpenID Connect sign-in is. An identity already bound matches by issuer and subject only, so a
 * changed e-mail at the provider still reaches the same account and another subject with the same
 * e-mail does not. An unbound identity gets in only with a verified e-mail that matches an active
 * account for which an admin switched OIDC sign-in on and which has no identity bound yet; that first
 * sign-in binds issuer and subject to the account.
 */
export async function resolveOidcSignIn(
  db: Database,
  claims: OidcClaims,
): Promise<{ user: typeof users.$inferSelect } | { refused: OidcRefusal }> {
  if (!nonEmpty(claims.iss) || !nonEmpty(claims.sub)) return { refused: "invalid_claims" };
  const issuer = claims.iss;
  const subject = claims.sub;
  const bound = await findUserByOidcIdentity(db, issuer, subject);
  if (bound) return { user: bound };
  const [taken] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.oidcIssuer, issuer), eq(users.oidcSubject, subject)))
    .limit(1);
  // A bound identity whose account may not sign in never falls back to the e-mail.
  if (taken) return { refused: "no_account" };
  if (!isVerified(claims.email_verified)) return { refused: "unverified_email" };
  if (!nonEmpty(claims.email)) return { refused: "invalid_claims" };
  const email = claims.email.trim().toLowerCase();
  try {
    return await db.transaction(async (tx) => {
      // The condition on the unbound identity makes two first sign-ins at once bind only one subject.
      const [linked] = await tx
        .update(users)
        .set({ oidcIssuer: issuer, oidcSubject: subject })
        .where(
          and(
            eq(users.email, email),
            eq(users.isActive, true),
            eq(users.isGuest, false),
            eq(users.oidcSignInEnabled, true),
            isNull(users.oidcSubject),
          ),
        )
        .returning();
      if (!linked) return { refused: "no_account" as const };
      await recordAuditEvent(tx, {
        tenantId: linked.tenantId,
        actorUserId: linked.id,
        action: "auth.oidc_identity_bound",
        target: { type: "user", id: linked.id },
        details: { issuer },
      });
      return { user: linked };
    });
  } catch (error) {
    if (violatedUniqueConstraint(error) === "users_oidc_identity_idx") return { refused: "no_account" };
    throw error;
  }
}
