import { getToken } from "next-auth/jwt";
import { getDb } from "@/db";
import { getEnv } from "../config/env";
import { loadActor } from "./load-actor";
import type { Actor } from "./policy";

export type CookieSource = { getAll(): { name: string; value: string }[] } | Record<string, string>;

export function usesSecureCookies(): boolean {
  return getEnv().NEXTAUTH_URL?.startsWith("https://") ?? false;
}

/** `__Host-` binds the cookie to this exact origin over HTTPS; plain HTTP (local use) cannot carry it. */
export function sessionCookieName(): string {
  return usesSecureCookies() ? "__Host-kim.session" : "kim.session";
}

/**
 * Resolves the session cookie to an actor, checked against the database on every call: null when
 * absent, expired, or revoked by deactivation or a role change. Pages, tRPC and sockets share it.
 */
export async function actorFromCookies(cookies: CookieSource): Promise<Actor | null> {
  return (await sessionFromCookies(cookies))?.actor ?? null;
}

/** `expiresAt`: milliseconds since epoch at which the session ends, however often it is renewed. */
export async function sessionFromCookies(
  cookies: CookieSource,
): Promise<{ actor: Actor; sessionVersion: number; expiresAt: number } | null> {
  const token = await getToken({
    req: { cookies, headers: {} } as unknown as Parameters<typeof getToken>[0]["req"],
    secret: getEnv().NEXTAUTH_SECRET,
    secureCookie: usesSecureCookies(),
    cookieName: sessionCookieName(),
  });
  if (!token?.sub || typeof token.sv !== "number") return null;
  // Absolute limit from the moment of sign-in, however often the cookie was renewed since.
  const signedInAt = typeof token.authTime === "number" ? token.authTime : 0;
  const expiresAt = (signedInAt + getEnv().SESSION_MAX_AGE_SECONDS) * 1000;
  if (Date.now() > expiresAt) return null;
  const actor = await loadActor(await getDb(), { userId: token.sub, sessionVersion: token.sv });
  return actor ? { actor, sessionVersion: token.sv, expiresAt } : null;
}
