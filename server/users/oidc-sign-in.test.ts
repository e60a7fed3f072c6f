import { eq } from "drizzle-orm";
import type { Account, Profile, User } from "next-auth";
import type { JWT } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { auditEvents, users } from "@/db/schema";
import { getAuthOptions } from "../auth-options";
import { createTestDatabase } from "../test/database";
import { callerFor, createActor, createTenant } from "../test/factories";
import type { Actor } from "../auth/policy";

const issuer = "https://login.kreis-beispiel.de/realms/kim";
const refused = "/sign-in?error=NoAccount";

interface Claims {
  iss?: unknown;
  sub?: unknown;
  email?: unknown;
  email_verified?: unknown;
}

/** What next-auth does after the provider's callback: the signIn callback, then (if allowed) the jwt callback. */
async function signInWith(claims: Claims): Promise<{ allowed: boolean | string; token?: JWT }> {
  const { callbacks } = getAuthOptions();
  const profile = claims as unknown as Profile;
  const user = { id: String(claims.sub), email: typeof claims.email === "string" ? claims.email : null, name: "Vom Anbieter" } as User;
  const account = { provider: "oidc", type: "oauth", providerAccountId: String(claims.sub) } as Account;
  const allowed = await callbacks!.signIn!({ user, account, profile });
  if (allowed !== true) return { allowed };
  const token = await callbacks!.jwt!({ token: { sub: user.id, email: user.email }, user, account, profile, trigger: "signIn" });
  return { allowed, token };
}

describe("OpenID Connect sign-in", () => {
  let handle: DatabaseHandle;
  let admin: Actor;
  let tenantId: string;

  beforeAll(async () => {
    handle = await createTestDatabase();
    (globalThis as { __kimDatabase?: Promise<DatabaseHandle> }).__kimDatabase = Promise.resolve(handle);
    const { tenant } = await createTenant(handle.db);
    tenantId = tenant.id;
    admin = await createActor(handle.db, tenant.id, ["admin"]);
  });
  afterAll(async () => {
    delete (globalThis as { __kimDatabase?: unknown }).__kimDatabase;
    await handle.close();
  });

  async function approvedUser(email: string) {
    const user = await createActor(handle.db, tenantId, ["case_manager"], { email });
    await callerFor(handle.db, admin).users.setOidcSignIn({ id: user.userId, enabled: true });
    return user;
  }

  it("refuses an e-mail the provider has not verified, and binds nothing", async () => {
    const user = await approvedUser("ulla.unbestaetigt@kreis-beispiel.de");
    for (const email_verified of [false, undefined, "false", 1]) {
      expect(await signInWith({ iss: issuer, sub: "sub-ulla", email: "ulla.unbestaetigt@kreis-beispiel.de", email_verified })).toEqual({
        allowed: refused,
      });
    }
    const [row] = await handle.db.select().from(users).where(eq(users.id, user.userId));
    expect([row?.oidcIssuer, row?.oidcSubject]).toEqual([null, null]);
  });

  it("lets in only accounts for which an admin approved OIDC sign-in", async () => {
    const user = await createActor(handle.db, tenantId, ["case_manager"], { email: "nina.nicht-freigegeben@kreis-beispiel.de" });
    const claims = { iss: issuer, sub: "sub-nina", email: "nina.nicht-freigegeben@kreis-beispiel.de", email_verified: true };
    expect(await signInWith(claims)).toEqual({ allowed: refused });
    await callerFor(handle.db, admin).users.setOidcSignIn({ id: user.userId, enabled: true });
    const { allowed, token } = await signInWith(claims);
    expect(allowed).toBe(true);
    expect(token?.sub).toBe(user.userId);
  });

  it("binds issuer and subject at the first verified sign-in and then ignores the e-mail", async () => {
    const user = await approvedUser("berta.bindung@kreis-beispiel.de");
    const first = await signInWith({ iss: issuer, sub: "sub-berta", email: "Berta.Bindung@kreis-beispiel.de", email_verified: true });
    expect(first.token?.sub).toBe(user.userId);
    const [row] = await handle.db.select().from(users).where(eq(users.id, user.userId));
    expect([row?.oidcIssuer, row?.oidcSubject]).toEqual([issuer, "sub-berta"]);
    const bound = await handle.db.select().from(auditEvents).where(eq(auditEvents.action, "auth.oidc_identity_bound"));
    expect(bound.map((event) => event.actorUserId)).toContain(user.userId);

    // Her address changed at the provider (not yet verified there): still her account.
    const renamed = await signInWith({ iss: issuer, sub: "sub-berta", email: "berta.neu@kreis-beispiel.de", email_verified: false });
    expect(renamed.token?.sub).toBe(user.userId);

    // Someone else at the provider who got her old address: refused, even with it verified.
    expect(await signInWith({ iss: issuer, sub: "sub-mallory", email: "berta.bindung@kreis-beispiel.de", email_verified: true })).toEqual({
      allowed: refused,
    });
    // The same subject from another issuer is another identity.
    expect(
      await signInWith({
        iss: "https://evil.example/realms/kim",
        sub: "sub-berta",
        email: "berta.bindung@kreis-beispiel.de",
        email_verified: true,
      }),
    ).toEqual({ allowed: refused });
  });

  it("refuses a bound identity whose account was deactivated, without falling back to the e-mail", async () => {
    const user = await approvedUser("dora.deaktiviert@kreis-beispiel.de");
    const claims = { iss: issuer, sub: "sub-dora", email: "dora.deaktiviert@kreis-beispiel.de", email_verified: true };
    expect((await signInWith(claims)).token?.sub).toBe(user.userId);
    await callerFor(handle.db, admin).users.setActive({ id: user.userId, isActive: false });
    expect(await signInWith(claims)).toEqual({ allowed: refused });
  });

  it("lets the admin reset a wrong binding, after which the next verified sign-in binds anew", async () => {
    const user = await approvedUser("rita.reset@kreis-beispiel.de");
    await signInWith({ iss: issuer, sub: "sub-rita-alt", email: "rita.reset@kreis-beispiel.de", email_verified: true });
    const fresh = { iss: issuer, sub: "sub-rita-neu", email: "rita.reset@kreis-beispiel.de", email_verified: true };
    expect(await signInWith(fresh)).toEqual({ allowed: refused });
    await callerFor(handle.db, admin).users.setOidcSignIn({ id: user.userId, enabled: false });
    expect(await signInWith(fresh)).toEqual({ allowed: refused });
    await callerFor(handle.db, admin).users.setOidcSignIn({ id: user.userId, enabled: true });
    expect((await signInWith(fresh)).token?.sub).toBe(user.userId);
    expect(await signInWith({ ...fresh, sub: "sub-rita-alt" })).toEqual({ allowed: refused });
  });

  it("never lets a guest account in and refuses claims without issuer or subject", async () => {
    await handle.db.insert(users).values({
      tenantId,
      username: "gast-oidc",
      displayName: "Gast",
      email: "gast@partner.example",
      isGuest: true,
      oidcSignInEnabled: true,
    });
    expect(await signInWith({ iss: issuer, sub: "sub-gast", email: "gast@partner.example", email_verified: true })).toEqual({
      allowed: refused,
    });
    await approvedUser("ohne.subjekt@kreis-beispiel.de");
    expect(await signInWith({ iss: issuer, sub: "", email: "ohne.subjekt@kreis-beispiel.de", email_verified: true })).toEqual({
      allowed: refused,
    });
    expect(await signInWith({ sub: "sub-ohne", email: "ohne.subjekt@kreis-beispiel.de", email_verified: true })).toEqual({
      allowed: refused,
    });
  });

  it("lets only an admin switch OIDC sign-in", async () => {
    const cm = await createActor(handle.db, tenantId, ["coordinator"]);
    await expect(callerFor(handle.db, cm).users.setOidcSignIn({ id: cm.userId, enabled: true })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(callerFor(handle.db, null).users.setOidcSignIn({ id: cm.userId, enabled: true })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
  });
});
