import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { auditEvents, conferenceGuests, conferenceParticipants, roleAssignments, users } from "@/db/schema";
import { authorizeWithGuestLink, authorizeWithPassword } from "../auth-options";
import { loadActor } from "../auth/load-actor";
import { hashPassword } from "../auth/password";
import { can, canSomewhere, guestPermissions, type Actor } from "../auth/policy";
import { allPermissions } from "../auth/permissions";
import { maxConferencePeople } from "../schemas/guests";
import type { ProcedureMeta } from "../trpc/init";
import { appRouter } from "../app-router";
import { createTestDatabase } from "../test/database";
import { createCase } from "../test/case-factories";
import { callerFor, createActor, createTenant } from "../test/factories";
import { linkBudget } from "../secret-links/link-budget";
import { confirmGuestLink, findGuestLink } from "./guests";
import { errorCodeOf } from "../test/error-code";
import { meetingCaseId } from "./meeting-case-ids";

const summaryBody = "Eine Familie mit drei Kindern sucht seit Monaten eine größere Wohnung; der Aufenthalt ist ungeklärt.";
const tokenOf = (link: string) => link.replace("/gast/", "");

describe("conference guests", () => {
  let handle: DatabaseHandle;
  let tenant: Awaited<ReturnType<typeof createTenant>>;
  let moderator: Actor;
  let colleague: Actor;
  let outsider: Actor;
  let admin: Actor;
  let conferenceId: string;
  let otherConferenceId: string;
  let caseId: string;
  // Each test confirms from its own address, so the look-up budget of one does not touch another.
  let addressCounter = 0;
  const nextAddress = () => `10.0.0.${++addressCounter}`;

  async function invite(overrides: Record<string, unknown> = {}) {
    return callerFor(handle.db, moderator).conferences.guests.invite({
      conferenceId,
      name: "Gisela Gast",
      organisationId: tenant.organisation.id,
      organisationName: "Jobcenter, Team U25",
      ...overrides,
    });
  }

  async function inviteAndConfirm(overrides: Record<string, unknown> = {}) {
    const { link, guestId } = await invite(overrides);
    const signedIn = await confirmGuestLink(
      handle.db,
      { token: tokenOf(link), name: "Gisela Gast", organisationName: "Jobcenter, Team U25", confidentiality: true },
      nextAddress(),
    );
    expect(signedIn).not.toBeNull();
    const actor = await loadActor(handle.db, { userId: signedIn!.id, sessionVersion: signedIn!.sessionVersion });
    return { link, guestId, signedIn: signedIn!, actor: actor! };
  }

  beforeAll(async () => {
    handle = await createTestDatabase();
    // The next-auth provider reads the process-wide database.
    (globalThis as { __kimDatabase?: Promise<DatabaseHandle> }).__kimDatabase = Promise.resolve(handle);
    tenant = await createTenant(handle.db);
    moderator = await createActor(handle.db, tenant.tenant.id, ["case_manager"]);
    colleague = await createActor(handle.db, tenant.tenant.id, ["coordinator"]);
    outsider = await createActor(handle.db, tenant.tenant.id, ["case_manager"]);
    admin = await createActor(handle.db, tenant.tenant.id, ["admin"]);
    const caller = callerFor(handle.db, moderator);
    const created = await createCase(handle.db, {
      manager: moderator,
      kommuneId: tenant.kommune.id,
      consentFor: [tenant.organisation.id],
      consentGrantedOn: "2026-01-05",
    });
    caseId = created.id;
    await caller.cases.saveSummary({ caseId, title: "Wohnungssuche einer Familie", body: summaryBody });
    const conference = await caller.conferences.create({
      type: "fallkonferenz",
      title: "Fallkonferenz Wohnen",
      scheduledAt: new Date("2026-11-03T09:00:00Z"),
      participantUserIds: [colleague.userId],
    });
    conferenceId = conference.id;
    await caller.conferences.addCase({ conferenceId, caseId });
    otherConferenceId = (
      await caller.conferences.create({
        type: "planungskonferenz",
        title: "Andere Konferenz",
        scheduledAt: new Date("2026-12-01T09:00:00Z"),
      })
    ).id;
  });
  afterAll(async () => {
    delete (globalThis as { __kimDatabase?: unknown }).__kimDatabase;
    await handle.close();
  });

  it("invites a guest who confirms through the link and then sees this conference with its released summary", async () => {
    const { link, expiresAt } = await invite({ validDays: 7, email: "Gisela.Gast@Example.org" });
    expect(link).toMatch(/^\/gast\/[A-Za-z0-9_-]{43}$/);
    expect(expiresAt.getTime() - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
    const token = tokenOf(link);

    // The stored row holds only the hash; the guest account has no roles and no password.
    const [stored] = await handle.db.select().from(conferenceGuests).where(eq(conferenceGuests.conferenceId, conferenceId));
    expect(stored!.tokenHash).not.toContain(token);
    const [account] = await handle.db.select().from(users).where(eq(users.id, stored!.userId));
    expect(account).toMatchObject({
      isGuest: true,
      passwordHash: null,
      organisationId: tenant.organisation.id,
      email: "gisela.gast@example.org",
    });
    expect(account!.username).toMatch(/^gast-[0-9a-f]{16}$/);
    expect(await handle.db.select().from(roleAssignments).where(eq(roleAssignments.userId, account!.id))).toEqual([]);

    const view = await findGuestLink(handle.db, token, nextAddress());
    expect(view).toEqual({
      status: "open",
      conference: { title: "Fallkonferenz Wohnen", type: "fallkonferenz", scheduledAt: new Date("2026-11-03T09:00:00Z") },
      name: "Gisela Gast",
      organisationName: "Jobcenter, Team U25",
    });

    const address = nextAddress();
    expect(
      await confirmGuestLink(handle.db, { token, name: "Gisela Gast", organisationName: "", confidentiality: false }, address),
    ).toBeNull();
    const signedIn = await confirmGuestLink(
      handle.db,
      { token, name: "Dr. Gisela Gast", organisationName: "Jobcenter Solingen", confidentiality: true },
      address,
    );
    expect(signedIn).toMatchObject({ id: account!.id, name: "Dr. Gisela Gast", conferenceId });

    const actor = await loadActor(handle.db, { userId: signedIn!.id, sessionVersion: signedIn!.sessionVersion });
    expect(actor).toMatchObject({ isGuest: true, guestConferenceId: conferenceId, grants: [], displayName: "Dr. Gisela Gast" });

    const guestCaller = callerFor(handle.db, actor);
    expect((await guestCaller.conferences.list()).map((c) => c.id)).toEqual([conferenceId]);
    const details = await guestCaller.conferences.get({ conferenceId });
    expect(details.viewer).toMatchObject({ role: "guest", abilities: { moderate: false, plan: false, attachCases: false } });
    expect(details.cases[0]).toMatchObject({ caseId: meetingCaseId(conferenceId, caseId), released: true, summary: { body: summaryBody } });
    expect(details.attachableCases).toEqual([]);

    const guests = await callerFor(handle.db, moderator).conferences.guests.list({ conferenceId });
    expect(guests[0]).toMatchObject({
      name: "Dr. Gisela Gast",
      status: "confirmed",
      organisationName: `${tenant.organisation.name} – Jobcenter Solingen`,
    });
    expect(guests[0]!.confirmedAt).toBeInstanceOf(Date);
    expect(JSON.stringify(guests)).not.toContain(stored!.tokenHash);

    const actions = (
      await handle.db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.tenantId, tenant.tenant.id))
    ).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["conferences.guest_invited", "conferences.guest_confirmed"]));
  });

  it("shows a guest without a covered organisation the agenda but not the summary", async () => {
    const { actor } = await inviteAndConfirm({ organisationId: null });
    const details = await callerFor(handle.db, actor).conferences.get({ conferenceId });
    expect(details.cases[0]).toMatchObject({ caseId: meetingCaseId(conferenceId, caseId), released: false, summary: null });
  });

  it("refuses unknown and malformed links with the same neutral answer", async () => {
    const address = nextAddress();
    expect(await findGuestLink(handle.db, "A".repeat(43), address)).toEqual({ status: "invalid" });
    expect(await findGuestLink(handle.db, "kurz", address)).toEqual({ status: "invalid" });
    expect(await confirmGuestLink(handle.db, { token: "A".repeat(43), name: "Niemand", confidentiality: true }, address)).toBeNull();
  });

  it("ends an expired guest's link and session", async () => {
    const { link, guestId, signedIn } = await inviteAndConfirm();
    await handle.db
      .update(conferenceGuests)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(conferenceGuests.id, guestId));
    expect(await loadActor(handle.db, { userId: signedIn.id, sessionVersion: signedIn.sessionVersion })).toBeNull();
    const address = nextAddress();
    expect(await findGuestLink(handle.db, tokenOf(link), address)).toEqual({ status: "invalid" });
    expect(await confirmGuestLink(handle.db, { token: tokenOf(link), name: "Gisela Gast", confidentiality: true }, address)).toBeNull();
    const listed = (await callerFor(handle.db, moderator).conferences.guests.list({ conferenceId })).find((g) => g.id === guestId);
    expect(listed?.status).toBe("expired");
  });

  it("revokes a guest: the session dies at the next call and the link stops working", async () => {
    const { link, guestId, signedIn, actor } = await inviteAndConfirm();
    expect(await callerFor(handle.db, actor).conferences.get({ conferenceId })).toBeDefined();
    await callerFor(handle.db, moderator).conferences.guests.revoke({ conferenceId, guestId });
    expect(await loadActor(handle.db, { userId: signedIn.id, sessionVersion: signedIn.sessionVersion })).toBeNull();
    expect(
      await confirmGuestLink(handle.db, { token: tokenOf(link), name: "Gisela Gast", confidentiality: true }, nextAddress()),
    ).toBeNull();
    const participants = await handle.db.select().from(conferenceParticipants).where(eq(conferenceParticipants.userId, signedIn.id));
    expect(participants).toEqual([]);
    const listed = (await callerFor(handle.db, moderator).conferences.guests.list({ conferenceId })).find((g) => g.id === guestId);
    expect(listed?.status).toBe("revoked");
    // Revoking twice, or from another conference, finds nothing.
    expect(await errorCodeOf(callerFor(handle.db, moderator).conferences.guests.revoke({ conferenceId, guestId }))).toBe("NOT_FOUND");
    const [revoked] = await handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "conferences.guest_revoked"), eq(auditEvents.targetId, conferenceId)));
    expect(revoked).toMatchObject({ actorUserId: moderator.userId });
  });

  it("keeps a guest out of every other conference and everything but their own board", async () => {
    const { actor } = await inviteAndConfirm();
    const guest = callerFor(handle.db, actor);
    expect(await errorCodeOf(guest.conferences.get({ conferenceId: otherConferenceId }))).toBe("NOT_FOUND");

    // Every procedure that needs more than viewing and taking part in a conference stops at the policy.
    const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { meta?: ProcedureMeta } }>);
    const guarded = procedures.filter(([, def]) => {
      const permission = def._def.meta?.permission;
      return permission && permission !== "public" && !guestPermissions.includes(permission);
    });
    expect(guarded.map(([path]) => path)).toEqual(
      expect.arrayContaining([
        "cases.list",
        "cases.overview",
        "users.list",
        "offers.list",
        "conferences.create",
        "conferences.candidates",
        "conferences.guests.invite",
        "profile.me",
      ]),
    );
    expect(guarded.some(([path]) => path.startsWith("reports."))).toBe(true);
    for (const [path] of guarded) {
      const fn = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], guest) as (
        input: unknown,
      ) => Promise<unknown>;
      expect(await errorCodeOf(fn({})), path).toBe("FORBIDDEN");
    }
  });

  it("gives a guest exactly the two conference permissions, whatever grants the account carries", () => {
    const guest: Actor = {
      userId: "g",
      tenantId: tenant.tenant.id,
      displayName: "Gast",
      organisationId: null,
      grants: [{ role: "admin", kommuneId: null, bodyId: null }],
      isGuest: true,
    };
    for (const permission of allPermissions) {
      const allowed = guestPermissions.includes(permission);
      expect(can(guest, permission, { tenantId: tenant.tenant.id }), permission).toBe(allowed);
      expect(canSomewhere(guest, permission), permission).toBe(allowed);
      expect(can(guest, permission, { tenantId: "00000000-0000-4000-8000-000000000009" })).toBe(false);
    }
  });

  it("hides guests from the candidates for new conferences and from user administration", async () => {
    const { actor } = await inviteAndConfirm();
    const candidates = await callerFor(handle.db, colleague).conferences.candidates();
    expect(candidates.map((c) => c.id)).not.toContain(actor.userId);
    expect(candidates.map((c) => c.id)).toContain(moderator.userId);
    const adminList = await callerFor(handle.db, admin).users.list();
    expect(adminList.map((u) => u.id)).not.toContain(actor.userId);
    // Nor can a planner put a guest into another conference by their id.
    const code = await errorCodeOf(
      callerFor(handle.db, colleague).conferences.create({
        type: "fallrekonstruktion",
        title: "Mit Gast",
        scheduledAt: new Date(),
        participantUserIds: [actor.userId],
      }),
    );
    expect(code).toBe("BAD_REQUEST");
  });

  it("lets only the conference's moderator invite, list and revoke", async () => {
    const input = { conferenceId, name: "Nina Nicht" };
    expect(await errorCodeOf(callerFor(handle.db, colleague).conferences.guests.invite(input))).toBe("FORBIDDEN");
    expect(await errorCodeOf(callerFor(handle.db, colleague).conferences.guests.list({ conferenceId }))).toBe("FORBIDDEN");
    expect(await errorCodeOf(callerFor(handle.db, outsider).conferences.guests.invite(input))).toBe("NOT_FOUND");
    expect(await errorCodeOf(callerFor(handle.db, outsider).conferences.guests.list({ conferenceId }))).toBe("NOT_FOUND");
    expect(await errorCodeOf(callerFor(handle.db, null).conferences.guests.invite(input))).toBe("UNAUTHORIZED");
    const { guestId, actor } = await inviteAndConfirm();
    expect(await errorCodeOf(callerFor(handle.db, actor).conferences.guests.invite(input))).toBe("FORBIDDEN");
    expect(await errorCodeOf(callerFor(handle.db, colleague).conferences.guests.revoke({ conferenceId, guestId }))).toBe("FORBIDDEN");
    expect(await errorCodeOf(callerFor(handle.db, moderator).conferences.guests.revoke({ conferenceId: otherConferenceId, guestId }))).toBe(
      "NOT_FOUND",
    );
  });

  it("validates the invitation and names the field", async () => {
    const error = await callerFor(handle.db, moderator)
      .conferences.guests.invite({ conferenceId, name: "G", validDays: 31, email: "keine-adresse" })
      .catch((e: unknown) => e as TRPCError & { shape?: unknown });
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
    expect(
      await errorCodeOf(
        callerFor(handle.db, moderator).conferences.guests.invite({
          conferenceId,
          name: "Gisela Gast",
          organisationId: (await createTenant(handle.db)).organisation.id,
        }),
      ),
    ).toBe("BAD_REQUEST");
    expect(
      await errorCodeOf(
        callerFor(handle.db, moderator).conferences.guests.invite({ conferenceId, name: "Gisela Gast", isGuest: false } as never),
      ),
    ).toBe("BAD_REQUEST");
  });

  it(`refuses more than ${maxConferencePeople} participants and guests with a clear message`, async () => {
    const caller = callerFor(handle.db, moderator);
    const { id } = await caller.conferences.create({
      type: "planungskonferenz",
      title: "Große Runde",
      scheduledAt: new Date("2026-10-01T09:00:00Z"),
      participantUserIds: [colleague.userId],
    });
    for (let i = 0; i < maxConferencePeople - 2; i += 1)
      await caller.conferences.guests.invite({ conferenceId: id, name: `Gast Nummer ${i}` });
    const error = await caller.conferences.guests.invite({ conferenceId: id, name: "Einer zu viel" }).catch((e: unknown) => e as TRPCError);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("CONFLICT");
    expect((error as TRPCError).message).toBe(
      `Die Konferenz hat bereits ${maxConferencePeople} Teilnehmende und Gäste. Mehr sind nicht möglich; widerrufen Sie gegebenenfalls einen Gastzugang.`,
    );
    const [guest] = await caller.conferences.guests.list({ conferenceId: id });
    await caller.conferences.guests.revoke({ conferenceId: id, guestId: guest!.id });
    await expect(caller.conferences.guests.invite({ conferenceId: id, name: "Jetzt passt es" })).resolves.toMatchObject({
      link: expect.stringMatching(/^\/gast\//),
    });
  });

  it("signs a guest in through the next-auth provider, and never with a password", async () => {
    const { link } = await invite();
    const posted = {
      token: tokenOf(link),
      name: "Gisela Gast",
      organisationName: "",
      confidentiality: "true",
      csrfToken: "x",
      callbackUrl: "/",
      json: "true",
    };
    expect(await authorizeWithGuestLink({ ...posted, confidentiality: "false" }, nextAddress())).toBeNull();
    const user = await authorizeWithGuestLink(posted, nextAddress());
    expect(user).toMatchObject({ name: "Gisela Gast", sessionVersion: 1 });
    const [account] = await handle.db.select().from(users).where(eq(users.id, user!.id));
    const password = "ein langes Gastpasswort";
    await handle.db
      .update(users)
      .set({ passwordHash: await hashPassword(password) })
      .where(eq(users.id, account!.id));
    expect(await authorizeWithPassword({ username: account!.username, password }, nextAddress())).toBeNull();
  });

  it("limits look-ups of guest links per address", async () => {
    const address = nextAddress();
    for (let i = 0; i < linkBudget("guest", "lookup"); i += 1) await findGuestLink(handle.db, "B".repeat(43), address);
    expect(await findGuestLink(handle.db, "B".repeat(43), address)).toEqual({ status: "rateLimited" });
    const { link } = await invite();
    await expect(authorizeWithGuestLink({ token: tokenOf(link), name: "Gisela Gast", confidentiality: "true" }, address)).rejects.toThrow(
      "RateLimited",
    );
  });
});
