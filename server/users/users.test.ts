import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { auditEvents, users } from "@/db/schema";
import { loadActor } from "../auth/load-actor";
import type { Actor } from "../auth/policy";
import { createTestDatabase } from "../test/database";
import { callerFor, createActor, createTenant } from "../test/factories";

describe("user administration", () => {
  let handle: DatabaseHandle;
  let admin: Actor;
  let otherAdmin: Actor;
  let tenant: Awaited<ReturnType<typeof createTenant>>;

  beforeAll(async () => {
    handle = await createTestDatabase();
    tenant = await createTenant(handle.db);
    admin = await createActor(handle.db, tenant.tenant.id, ["admin"]);
    const other = await createTenant(handle.db);
    otherAdmin = await createActor(handle.db, other.tenant.id, ["admin"]);
  });
  afterAll(() => handle.close());

  const newUser = (username: string) => ({
    username,
    displayName: "Fatma Yilmaz",
    email: `${username}@example.org`,
    organisationId: tenant.organisation.id,
    password: "eine lange Passphrase",
    grants: [{ role: "case_manager" as const, kommuneId: tenant.kommune.id, bodyId: null }],
  });

  it("creates a user with scoped roles, hashes the password and audits it", async () => {
    const created = await callerFor(handle.db, admin).users.create(newUser("f.yilmaz"));
    const [row] = await handle.db.select().from(users).where(eq(users.id, created.id));
    expect(row!.passwordHash).toMatch(/^\$argon2id\$/);
    const listed = await callerFor(handle.db, admin).users.list();
    expect(listed.find((u) => u.id === created.id)?.grants).toEqual([{ role: "case_manager", kommuneId: tenant.kommune.id, bodyId: null }]);
    expect(JSON.stringify(listed)).not.toContain("argon2");
    const audit = await handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "users.user_created"), eq(auditEvents.targetId, created.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorUserId).toBe(admin.userId);
  });

  it("refuses a taken user name with a German message on the field", async () => {
    await expect(callerFor(handle.db, admin).users.create(newUser("F.Yilmaz"))).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Dieser Benutzername ist bereits vergeben.",
    });
  });

  it("rejects short passwords and unknown keys (mass assignment) with BAD_REQUEST", async () => {
    await expect(callerFor(handle.db, admin).users.create({ ...newUser("kurz"), password: "zu kurz" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(
      callerFor(handle.db, admin).users.create({ ...newUser("extra"), tenantId: otherAdmin.tenantId } as never),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await handle.db.select().from(users).where(eq(users.username, "extra"))).toHaveLength(0);
  });

  it("refuses references into another tenant", async () => {
    const foreign = await createTenant(handle.db);
    await expect(
      callerFor(handle.db, admin).users.create({ ...newUser("fremd"), organisationId: foreign.organisation.id }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "Diese Organisation gibt es in Ihrem Programm nicht." });
  });

  it("answers another tenant's and a random id alike: NOT_FOUND (no existence oracle)", async () => {
    const created = await callerFor(handle.db, admin).users.create(newUser("ziel.person"));
    const foreignCall = callerFor(handle.db, otherAdmin).users.setActive({ id: created.id, isActive: false });
    const randomCall = callerFor(handle.db, otherAdmin).users.setActive({ id: crypto.randomUUID(), isActive: false });
    const [a, b] = await Promise.allSettled([foreignCall, randomCall]);
    expect(a.status).toBe("rejected");
    expect(b.status).toBe("rejected");
    const reasonA = (a as PromiseRejectedResult).reason as { code: string; message: string };
    const reasonB = (b as PromiseRejectedResult).reason as { code: string; message: string };
    expect([reasonA.code, reasonA.message]).toEqual([reasonB.code, reasonB.message]);
    expect(reasonA.code).toBe("NOT_FOUND");
    const [row] = await handle.db.select().from(users).where(eq(users.id, created.id));
    expect(row!.isActive).toBe(true);
  });

  it("ends the sessions of a deactivated user and of a user whose roles change", async () => {
    const person = await createActor(handle.db, tenant.tenant.id, ["case_manager"]);
    const session = { userId: person.userId, sessionVersion: 1 };
    expect(await loadActor(handle.db, session)).not.toBeNull();

    await callerFor(handle.db, admin).users.update({
      id: person.userId,
      displayName: person.displayName,
      email: null,
      organisationId: null,
      grants: [{ role: "coordinator", kommuneId: null, bodyId: null }],
    });
    expect(await loadActor(handle.db, session)).toBeNull();
    const renewed = await loadActor(handle.db, { userId: person.userId, sessionVersion: 2 });
    expect(renewed?.grants.map((g) => g.role)).toEqual(["coordinator"]);

    await callerFor(handle.db, admin).users.setActive({ id: person.userId, isActive: false });
    expect(await loadActor(handle.db, { userId: person.userId, sessionVersion: 3 })).toBeNull();
    await expect(callerFor(handle.db, renewed).profile.me()).resolves.toBeDefined();
  });

  it("keeps an admin from locking themselves out", async () => {
    await expect(callerFor(handle.db, admin).users.setActive({ id: admin.userId, isActive: false })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Sie können Ihr eigenes Konto nicht deaktivieren.",
    });
    await expect(
      callerFor(handle.db, admin).users.update({
        id: admin.userId,
        displayName: admin.displayName,
        email: null,
        organisationId: null,
        grants: [{ role: "coordinator", kommuneId: null, bodyId: null }],
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
