import { and, eq, sql } from "drizzle-orm";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/db";
import { users } from "@/db/schema";
import { recordAuditEvent } from "./audit/record-audit-event";
import { getEnv } from "./config/env";
import { logger } from "./config/logger";
import { announceAccessChanged } from "./events/notices";
import { confirmGuestLink } from "./conferences/guests";
import { AppError } from "./errors";
import { signInSchema } from "./schemas/users";
import { verifyPassword } from "./auth/password";
import { sessionCookieName, usesSecureCookies } from "./auth/session";
import { claimSignInAttempt, settleSuccessfulSignIn } from "./auth/sign-in-limiter";

/** Set by the HTTP server from the socket address; a client cannot forge it (the server overwrites it). */
export const clientAddressHeader = "x-kim-client-address";

/** Error codes the sign-in page turns into German messages. */
export const signInErrors = { invalid: "CredentialsSignin", rateLimited: "RateLimited", noAccount: "NoAccount" } as const;

declare module "next-auth" {
  interface Session {
    user: { id: string; name: string };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    /** The user's session version when the token was issued. */
    sv?: number;
    /** Seconds since epoch of the sign-in; sessions end a fixed time after it. */
    authTime?: number;
  }
}

interface SignedInUser {
  id: string;
  name: string;
  sessionVersion: number;
}

export async function authorizeWithPassword(
  credentials: Record<string, string> | undefined,
  address: string,
): Promise<SignedInUser | null> {
  const env = getEnv();
  const parsed = signInSchema.safeParse(credentials ?? {});
  if (!parsed.success) return null;
  const { username, password } = parsed.data;
  const limit = env.SIGN_IN_ATTEMPTS_PER_15_MINUTES;
  const db = await getDb();
  const [user] = await db.select().from(users).where(eq(users.username, username)).limit(1);

  const attempt = await claimSignInAttempt(db, username, address, limit);
  if (!attempt.allowed) {
    // Refused attempts are counted, not each written down: the audit log only grows per window.
    if (attempt.auditBlocked)
      await recordAuditEvent(db, {
        tenantId: user?.tenantId ?? null,
        actorUserId: user?.id ?? null,
        action: "auth.sign_in_blocked",
        outcome: "failure",
        details: { username },
      });
    throw new Error(signInErrors.rateLimited);
  }

  const passwordMatches = await verifyPassword(user?.passwordHash ?? null, password);
  // Guests sign in only through their personal link, even if someone gave the account a password.
  if (!user || !user.isActive || user.isGuest || !passwordMatches) {
    await recordAuditEvent(db, {
      tenantId: user?.tenantId ?? null,
      actorUserId: user?.id ?? null,
      action: "auth.sign_in_failed",
      outcome: "failure",
      details: { username, reason: !user ? "unknown_user" : !user.isActive ? "inactive" : user.isGuest ? "guest" : "wrong_password" },
    });
    return null;
  }

  await settleSuccessfulSignIn(db, username, address, limit);
  await db.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, user.id));
  await recordAuditEvent(db, {
    tenantId: user.tenantId,
    actorUserId: user.id,
    action: "auth.sign_in",
    details: { method: "password" },
  });
  return { id: user.id, name: user.displayName, sessionVersion: user.sessionVersion };
}

function oidcProvider(): NextAuthOptions["providers"] {
  const env = getEnv();
  if (!env.OIDC_ISSUER || !env.OIDC_CLIENT_ID || !env.OIDC_CLIENT_SECRET) return [];
  return [
    {
      id: "oidc",
      name: env.OIDC_NAME,
      type: "oauth",
      wellKnown: `${env.OIDC_ISSUER.replace(/\/$/, "")}/.well-known/openid-configuration`,
      authorization: { params: { scope: "openid email profile" } },
      idToken: true,
      checks: ["pkce", "state"],
      clientId: env.OIDC_CLIENT_ID,
      clientSecret: env.OIDC_CLIENT_SECRET,
      profile: (profile: { sub: string; email?: string; name?: string }) => ({
        id: profile.sub,
        email: profile.email ?? null,
        name: profile.name ?? profile.email ?? profile.sub,
      }),
    },
  ];
}

/**
 * A guest's link with the confirmed name, organisation and confidentiality notice. The form posts
 * strings; only the known fields are passed on (next-auth adds its own, such as the CSRF token).
 */
export async function authorizeWithGuestLink(
  credentials: Record<string, string> | undefined,
  address: string,
): Promise<SignedInUser | null> {
  const input = {
    token: credentials?.token,
    name: credentials?.name,
    organisationName: credentials?.organisationName ?? "",
    confidentiality: credentials?.confidentiality === "true",
  };
  try {
    return await confirmGuestLink(await getDb(), input, address);
  } catch (error) {
    if (error instanceof AppError && error.code === "RATE_LIMITED") throw new Error(signInErrors.rateLimited);
    throw error;
  }
}

/** Identity providers prove who someone is; only people an admin created here get in (never guests). */
async function findActiveUserByEmail(email: string | null | undefined) {
  if (!email) return undefined;
  const db = await getDb();
  const [user] = await db
    .select()
    .from(users)
    .where(and(eq(users.email, email.toLowerCase()), eq(users.isActive, true), eq(users.isGuest, false)))
    .limit(1);
  return user;
}

export function getAuthOptions(): NextAuthOptions {
  const env = getEnv();
  return {
    secret: env.NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: env.SESSION_MAX_AGE_SECONDS, updateAge: 15 * 60 },
    cookies: {
      sessionToken: {
        name: sessionCookieName(),
        options: { httpOnly: true, sameSite: "lax", path: "/", secure: usesSecureCookies() },
      },
    },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "Benutzername und Passwort",
        credentials: { username: { type: "text" }, password: { type: "password" } },
        authorize: (credentials, req) => {
          const address = String(req?.headers?.[clientAddressHeader] ?? "unknown");
          return authorizeWithPassword(credentials, address);
        },
      }),
      CredentialsProvider({
        id: "guest-link",
        name: "Persönlicher Gastlink",
        credentials: {
          token: { type: "text" },
          name: { type: "text" },
          organisationName: { type: "text" },
          confidentiality: { type: "text" },
        },
        authorize: (credentials, req) => {
          const address = String(req?.headers?.[clientAddressHeader] ?? "unknown");
          return authorizeWithGuestLink(credentials, address);
        },
      }),
      ...oidcProvider(),
    ],
    callbacks: {
      async signIn({ user, account }) {
        if (account?.provider !== "oidc") return true;
        const known = await findActiveUserByEmail(user.email);
        if (!known) logger.warn({ provider: "oidc" }, "sign-in refused: no active account for this identity");
        return known ? true : `/sign-in?error=${signInErrors.noAccount}`;
      },
      async jwt({ token, user, account }) {
        if (user) token.authTime = Math.floor(Date.now() / 1000);
        if (account?.provider === "oidc") {
          const known = await findActiveUserByEmail(user?.email);
          if (known) {
            token.sub = known.id;
            token.name = known.displayName;
            token.sv = known.sessionVersion;
            const db = await getDb();
            await recordAuditEvent(db, {
              tenantId: known.tenantId,
              actorUserId: known.id,
              action: "auth.sign_in",
              details: { method: "oidc" },
            });
          }
        } else if (user) {
          token.sv = (user as unknown as SignedInUser).sessionVersion;
        }
        return token;
      },
      session({ session, token }) {
        session.user = { id: token.sub ?? "", name: token.name ?? "" };
        return session;
      },
    },
    events: {
      // Signing out ends the session everywhere: a copied cookie is worthless afterwards.
      async signOut({ token }) {
        if (!token?.sub) return;
        const db = await getDb();
        const [user] = await db
          .update(users)
          .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
          .where(eq(users.id, token.sub))
          .returning({ tenantId: users.tenantId });
        if (user) await recordAuditEvent(db, { tenantId: user.tenantId, actorUserId: token.sub, action: "auth.sign_out" });
        // Open connections of every device end now, not at their next event.
        announceAccessChanged(token.sub);
      },
    },
    logger: {
      error: (code, metadata) => logger.error({ code, metadata }, "next-auth error"),
      warn: (code) => logger.warn({ code }, "next-auth warning"),
      debug: () => {},
    },
  };
}
