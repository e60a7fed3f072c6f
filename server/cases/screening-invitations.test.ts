import { randomBytes } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import type { DatabaseHandle } from "@/db";
import { auditEvents, caseIdentities, cases, screeningInvitations, users } from "@/db/schema";
import type { Actor } from "../auth/policy";
import { translate } from "../i18n/translate";
import type { IdentityInput } from "../schemas/cases";
import type { SubmitScreeningInput } from "../schemas/screening-invitations";
import { createTestDatabase } from "../test/database";
import { callerFor, createActor, createTenant } from "../test/factories";
import { createCaller } from "../app-router";
import { linkBudget } from "../secret-links/link-budget";
import { hashLinkSecret } from "../secret-links/secret-links";
import { findInvitationForScreening } from "./screening-invitations";

const invalidLinkMessage = translate("invitations.errors.invalidLink");

let addressCounter = 0;
/** The public form as an anonymous browser sends it; each test gets its own address for the rate limit. */
function publicCaller(handle: DatabaseHandle, address = `198.51.100.${++addressCounter}`) {
  return createCaller({ db: handle.db, actor: null, request: { address, userAgent: "vitest" } }).cases.invitations;
}

function tokenOf(link: string): string {
  const token = link.replace(/^\/screening\//, "");
  expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  return token;
}

function submission(token: string, person: { lastName: string; firstName: string; birthDate: string }): SubmitScreeningInput {
  return {
    token,
    identity: person,
    screening: {
      screenedOn: "2026-10-01",
      problemsByArea: { housing: "Kündigung der Wohnung droht" },
      otherProblems: "",
      involvedServices: "Schuldnerberatung",
      urgentConcern: "Wohnung sichern",
      verdict: "yes",
    },
    referrer: { name: "Frau Fachkraft", contact: "0521 123456" },
    consent: true,
  };
}

async function refusalOf(promise: Promise<unknown>) {
  try {
    await promise;
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(TRPCError);
    return { code: (error as TRPCError).code, message: (error as TRPCError).message };
  }
}

describe("screening invitations", () => {
  let handle: DatabaseHandle;
  let tenant: Awaited<ReturnType<typeof createTenant>>;
  let cm: Actor;
  let otherCm: Actor;
  let coordinator: Actor;
  let networkActor: Actor;
  let foreignCm: Actor;

  const invite = async (actor: Actor = cm, input: { kommuneId?: string | null; note?: string; validDays?: number } = {}) => {
    const created = await callerFor(handle.db, actor).cases.invitations.create({ organisationId: tenant.organisation.id, ...input });
    return { ...created, token: tokenOf(created.link) };
  };
  const statusOf = async (id: string, actor: Actor = cm) =>
    (await callerFor(handle.db, actor).cases.invitations.list()).find((i) => i.id === id)?.status;

  beforeAll(async () => {
    handle = await createTestDatabase();
    tenant = await createTenant(handle.db);
    cm = await createActor(handle.db, tenant.tenant.id, ["case_manager"]);
    otherCm = await createActor(handle.db, tenant.tenant.id, ["case_manager"]);
    coordinator = await createActor(handle.db, tenant.tenant.id, ["coordinator"]);
    networkActor = await createActor(handle.db, tenant.tenant.id, ["network_actor"]);
    foreignCm = await createActor(handle.db, (await createTenant(handle.db)).tenant.id, ["case_manager"]);
  });
  afterAll(() => handle.close());

  it("stores only the token's hash: the raw token appears in no table", async () => {
    const created = await invite(cm, { kommuneId: tenant.kommune.id, note: "Sprechstunde Dienstag", validDays: 7 });
    expect(created.expiresAt.getTime()).toBeGreaterThan(Date.now() + 6 * 86_400_000);
    expect(created.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + 7 * 86_400_000);
    const [row] = await handle.db.select().from(screeningInvitations).where(eq(screeningInvitations.id, created.id));
    expect(row!.tokenHash).toBe(hashLinkSecret(created.token));
    expect(row!.tokenHash).not.toContain(created.token);

    await publicCaller(handle).submit(submission(created.token, { lastName: "Tokenprobe", firstName: "Tara", birthDate: "1990-01-02" }));
    const dump = await handle.db.execute(sql`
      select table_name, query_to_xml(format('select * from %I.%I', table_schema, table_name), true, false, '')::text as content
      from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`);
    const text = JSON.stringify(dump);
    expect(text).toContain("screening_invitations");
    expect(text).toContain(row!.tokenHash);
    expect(text).not.toContain(created.token);
  });

  it("opens the case for the inviting case manager in status screening, with the organisation as referrer; the link works once", async () => {
    const { id, token } = await invite(cm, { kommuneId: tenant.kommune.id });
    const person = { lastName: "Okafor-Lindqvist", firstName: "Adaeze", birthDate: "1984-07-09" };
    const anonymous = publicCaller(handle);
    // The answer reveals nothing about the case, not even its pseudonym.
    await expect(anonymous.submit(submission(token, person))).resolves.toEqual({ ok: true });

    const [invitation] = await handle.db.select().from(screeningInvitations).where(eq(screeningInvitations.id, id));
    expect(invitation!.usedAt).not.toBeNull();
    const [row] = await handle.db.select().from(cases).where(eq(cases.id, invitation!.caseId!));
    expect(row).toMatchObject({
      tenantId: tenant.tenant.id,
      responsibleUserId: cm.userId,
      status: "screening",
      accessChannel: "screening_referral",
      referringOrganisationId: tenant.organisation.id,
      kommuneId: tenant.kommune.id,
      openedOn: "2026-10-01",
    });
    expect(row!.pseudonym).toMatch(/^[A-Z0-9]{1,4}-2026-\d{4}$/);

    const caller = callerFor(handle.db, cm);
    expect((await caller.cases.list({})).map((c) => c.id)).toContain(row!.id);
    await expect(caller.cases.identity({ caseId: row!.id })).resolves.toMatchObject(person);
    const [identity] = await handle.db.select().from(caseIdentities).where(eq(caseIdentities.caseId, row!.id));
    expect(Buffer.from(identity!.ciphertext).toString("latin1")).not.toContain(person.lastName);
    const { screening } = await caller.cases.intakeFile({ caseId: row!.id });
    expect(screening).toMatchObject({
      verdict: "yes",
      urgentConcern: "Wohnung sichern",
      problemsByArea: { housing: "Kündigung der Wohnung droht" },
    });
    expect(screening!.involvedServices).toBe(
      `Schuldnerberatung\nÜberweisende Fachkraft: Frau Fachkraft (${tenant.organisation.name}), Kontakt: 0521 123456`,
    );

    const listed = (await caller.cases.invitations.list()).find((i) => i.id === id);
    expect(listed).toMatchObject({ status: "used", caseId: row!.id, casePseudonym: row!.pseudonym });
    expect(listed).not.toHaveProperty("tokenHash");

    expect(await refusalOf(anonymous.submit(submission(token, { ...person, firstName: "Zweiter" })))).toEqual({
      code: "NOT_FOUND",
      message: invalidLinkMessage,
    });
    expect(await findInvitationForScreening(handle.db, token)).toBeNull();
  });

  it("gives unknown, malformed, used, expired and revoked links the identical refusal", async () => {
    const open = await invite();
    expect(await findInvitationForScreening(handle.db, open.token)).toEqual({
      organisationName: tenant.organisation.name,
      tenantName: tenant.tenant.name,
      expiresAt: open.expiresAt,
    });

    const used = await invite();
    await publicCaller(handle).submit(submission(used.token, { lastName: "Verbraucht", firstName: "Vera", birthDate: "1975-03-03" }));
    const expired = await invite();
    await handle.db
      .update(screeningInvitations)
      .set({ expiresAt: new Date(Date.now() - 60_000) })
      .where(eq(screeningInvitations.id, expired.id));
    const revoked = await invite();
    await expect(callerFor(handle.db, cm).cases.invitations.revoke({ id: revoked.id })).resolves.toEqual({ ok: true });
    expect(await statusOf(revoked.id)).toBe("expired");
    expect(await statusOf(expired.id)).toBe("expired");
    expect(await statusOf(open.id)).toBe("open");

    const unknown = randomBytes(32).toString("base64url");
    const person = { lastName: "Niemand", firstName: "Nora", birthDate: "1999-09-09" };
    const casesBefore = await handle.db.$count(cases);
    for (const token of [unknown, used.token, expired.token, revoked.token]) {
      expect(await findInvitationForScreening(handle.db, token)).toBeNull();
      expect(await refusalOf(publicCaller(handle).submit(submission(token, person)))).toEqual({
        code: "NOT_FOUND",
        message: invalidLinkMessage,
      });
    }
    expect(await findInvitationForScreening(handle.db, "kein-gueltiges-token")).toBeNull();
    expect(await refusalOf(publicCaller(handle).submit(submission("kein-gueltiges-token", person)))).toMatchObject({ code: "BAD_REQUEST" });
    expect(await handle.db.$count(cases)).toBe(casesBefore);
    expect(await refusalOf(callerFor(handle.db, cm).cases.invitations.revoke({ id: revoked.id }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await refusalOf(callerFor(handle.db, cm).cases.invitations.revoke({ id: used.id }))).toMatchObject({ code: "NOT_FOUND" });
  });

  it("requires the consent checkbox, naming the field in German, and leaves the link open", async () => {
    const { id, token } = await invite();
    const person = { lastName: "Ohnezustimmung", firstName: "Olga", birthDate: "1980-08-08" };
    for (const input of [
      { ...submission(token, person), consent: false },
      { ...submission(token, person), consent: undefined },
    ]) {
      const error = await publicCaller(handle)
        .submit(input as unknown as SubmitScreeningInput)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TRPCError);
      expect((error as TRPCError).code).toBe("BAD_REQUEST");
      const issues = ((error as TRPCError).cause as ZodError).issues;
      expect(issues.map((i) => [i.path.join("."), translate(i.message)])).toEqual([
        ["consent", "Bitte bestätigen Sie, dass die ratsuchende Person der Weitergabe zugestimmt hat."],
      ]);
    }
    expect(await statusOf(id)).toBe("open");
  });

  it("validates the referrer's contact and refuses unknown fields", async () => {
    const { token } = await invite();
    const person = { lastName: "Kontaktlos", firstName: "Karl", birthDate: "1970-07-07" };
    const base = submission(token, person);
    for (const input of [
      { ...base, referrer: { name: "Herr Fach", contact: "morgen anrufen" } },
      { ...base, referrer: { name: "", contact: "fach@example.org" } },
      { ...base, pseudonym: "XX-2026-0001" },
      { ...base, referrer: { ...base.referrer, responsibleUserId: otherCm.userId } },
    ]) {
      expect(await refusalOf(publicCaller(handle).submit(input as SubmitScreeningInput))).toMatchObject({ code: "BAD_REQUEST" });
    }
    await expect(publicCaller(handle).submit({ ...base, referrer: { name: "Herr Fach", contact: "fach@example.org" } })).resolves.toEqual({
      ok: true,
    });
  });

  it("hides an invitation from another case manager, who can neither see nor revoke it", async () => {
    const { id } = await invite();
    expect((await callerFor(handle.db, otherCm).cases.invitations.list()).map((i) => i.id)).not.toContain(id);
    expect(await callerFor(handle.db, foreignCm).cases.invitations.list()).toEqual([]);
    for (const actor of [otherCm, foreignCm]) {
      expect(await refusalOf(callerFor(handle.db, actor).cases.invitations.revoke({ id }))).toMatchObject({ code: "NOT_FOUND" });
    }
    expect(await statusOf(id)).toBe("open");
  });

  it("lets only case managers create invitations, for organisations and Kommunen of their own programme", async () => {
    for (const actor of [networkActor, coordinator]) {
      const caller = callerFor(handle.db, actor).cases.invitations;
      expect(await refusalOf(caller.create({ organisationId: tenant.organisation.id }))).toMatchObject({ code: "FORBIDDEN" });
      expect(await refusalOf(caller.list())).toMatchObject({ code: "FORBIDDEN" });
    }
    const denied = await handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "auth.access_denied"), eq(auditEvents.targetId, "cases.invitations.create")));
    expect(denied.map((d) => d.actorUserId).sort()).toEqual([networkActor.userId, coordinator.userId].sort());

    const foreign = await createTenant(handle.db);
    const caller = callerFor(handle.db, cm).cases.invitations;
    expect(await refusalOf(caller.create({ organisationId: foreign.organisation.id }))).toMatchObject({ code: "BAD_REQUEST" });
    expect(await refusalOf(caller.create({ organisationId: tenant.organisation.id, kommuneId: foreign.kommune.id }))).toMatchObject({
      code: "BAD_REQUEST",
    });
    for (const validDays of [0, 31, 2.5]) {
      expect(await refusalOf(caller.create({ organisationId: tenant.organisation.id, validDays }))).toMatchObject({ code: "BAD_REQUEST" });
    }
    const defaultValidity = await invite();
    expect(Math.round((defaultValidity.expiresAt.getTime() - Date.now()) / 86_400_000)).toBe(14);

    // A case manager scoped to one Kommune invites only for it.
    const scopedCm = await createActor(handle.db, tenant.tenant.id, [{ role: "case_manager", kommuneId: tenant.kommune.id }]);
    expect(
      await refusalOf(callerFor(handle.db, scopedCm).cases.invitations.create({ organisationId: tenant.organisation.id })),
    ).toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(invite(scopedCm, { kommuneId: tenant.kommune.id })).resolves.toMatchObject({
      link: expect.stringMatching(/^\/screening\//),
    });
  });

  it("answers a person already in an open case like any other and hands it to the coordination quietly", async () => {
    const person = { lastName: "Doppelmayr", firstName: "Dörte", birthDate: "1966-06-16" };
    const existing = await callerFor(handle.db, otherCm).cases.create({
      accessChannel: "walk_in",
      kommuneId: null,
      identity: person as IdentityInput,
    });
    const known = await invite();
    const unknown = await invite();
    const casesBefore = await handle.db.select({ id: cases.id }).from(cases);
    // The link holder sees the same answer for a known and an unknown person.
    const knownAnswer = await publicCaller(handle).submit(
      submission(known.token, { ...person, lastName: "DOPPELMAYR", firstName: "Dorte" }),
    );
    const unknownAnswer = await publicCaller(handle).submit(
      submission(unknown.token, { lastName: "Neumann", firstName: "Nora", birthDate: "1977-07-07" }),
    );
    expect(knownAnswer).toEqual({ ok: true });
    expect(knownAnswer).toEqual(unknownAnswer);
    // Both links are used up alike; a second try with either gets the same refusal.
    expect([await statusOf(known.id), await statusOf(unknown.id)]).toEqual(["used", "used"]);
    for (const token of [known.token, unknown.token]) {
      expect(await refusalOf(publicCaller(handle).submit(submission(token, person)))).toEqual({
        code: "NOT_FOUND",
        message: invalidLinkMessage,
      });
    }
    // No second case for the known person; the coordination finds the attempt with the existing case.
    const casesAfter = await handle.db.select({ id: cases.id }).from(cases);
    expect(casesAfter.length - casesBefore.length).toBe(1);
    const flags = await handle.db.select().from(auditEvents).where(eq(auditEvents.action, "cases.duplicate_person_detected"));
    expect(flags.map((f) => f.details)).toContainEqual({ existingCase: existing.pseudonym, invitationId: known.id });
    const attempts = await callerFor(handle.db, coordinator).cases.duplicateAttempts();
    expect(attempts.map((a) => a.existingCase.pseudonym)).toContain(existing.pseudonym);
  });

  it("lets exactly one of two concurrent submissions through", async () => {
    const { id, token } = await invite();
    // Open pool connections first, so that neither submission waits for a connection and both really overlap.
    await Promise.all(Array.from({ length: 4 }, () => handle.db.execute(sql`select 1`)));
    const results = await Promise.allSettled([
      publicCaller(handle).submit(submission(token, { lastName: "Gleichzeitig", firstName: "Erste", birthDate: "1991-01-01" })),
      publicCaller(handle).submit(submission(token, { lastName: "Gleichzeitig", firstName: "Zweite", birthDate: "1992-02-02" })),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(rejected.map((r) => [(r.reason as TRPCError).code, (r.reason as TRPCError).message])).toEqual([
      ["NOT_FOUND", invalidLinkMessage],
    ]);
    const used = await handle.db.select().from(auditEvents).where(eq(auditEvents.action, "cases.invitation_used"));
    expect(used.filter((u) => (u.details as { invitationId?: string }).invitationId === id)).toHaveLength(1);
    const created = await handle.db.select().from(auditEvents).where(eq(auditEvents.action, "cases.case_created"));
    expect(created.filter((c) => (c.details as { invitationId?: string }).invitationId === id)).toHaveLength(1);
  });

  it("stops a link when the inviting case manager is deactivated", async () => {
    const leaving = await createActor(handle.db, tenant.tenant.id, ["case_manager"]);
    const { token } = await invite(leaving);
    await handle.db.update(users).set({ isActive: false }).where(eq(users.id, leaving.userId));
    expect(await findInvitationForScreening(handle.db, token)).toBeNull();
    expect(
      await refusalOf(
        publicCaller(handle).submit(submission(token, { lastName: "Verlassen", firstName: "Vito", birthDate: "1988-08-18" })),
      ),
    ).toEqual({
      code: "NOT_FOUND",
      message: invalidLinkMessage,
    });
  });

  it("records creation, revocation and use in the audit log without token or identity", async () => {
    const created = await invite(cm, { note: "Nur für mich" });
    const revoked = await invite();
    await callerFor(handle.db, cm).cases.invitations.revoke({ id: revoked.id });
    const used = await invite(cm, { kommuneId: tenant.kommune.id });
    const person = { lastName: "Protokollia", firstName: "Petra", birthDate: "1979-12-24" };
    await publicCaller(handle).submit(submission(used.token, person));
    const caseId = (await handle.db.select().from(screeningInvitations).where(eq(screeningInvitations.id, used.id)))[0]!.caseId!;

    const rows = await handle.db.select().from(auditEvents).where(eq(auditEvents.tenantId, tenant.tenant.id));
    expect(rows.find((r) => r.action === "cases.invitation_created" && r.targetId === created.id)).toMatchObject({
      actorUserId: cm.userId,
      targetType: "screening_invitation",
      details: { organisationId: tenant.organisation.id, kommuneId: null, validDays: 14 },
    });
    expect(rows.find((r) => r.action === "cases.invitation_revoked" && r.targetId === revoked.id)).toMatchObject({
      actorUserId: cm.userId,
    });
    expect(rows.find((r) => r.action === "cases.invitation_used" && r.targetId === caseId)).toMatchObject({
      actorUserId: null,
      targetType: "case",
      details: { invitationId: used.id, organisationId: tenant.organisation.id, consentConfirmed: true },
    });
    expect(rows.find((r) => r.action === "cases.case_created" && r.targetId === caseId)).toMatchObject({
      actorUserId: null,
      details: { accessChannel: "screening_referral", invitationId: used.id },
    });
    const text = JSON.stringify(rows);
    for (const secret of [created.token, revoked.token, used.token, person.lastName, person.firstName, "Nur für mich"]) {
      expect(text).not.toContain(secret);
    }
  });

  it("rate limits submissions per address with a German message", async () => {
    const address = "203.0.113.77";
    const unknown = randomBytes(32).toString("base64url");
    const person = { lastName: "Flut", firstName: "Fritz", birthDate: "1960-06-06" };
    for (let i = 0; i < linkBudget("screening", "submit"); i++) {
      expect(await refusalOf(publicCaller(handle, address).submit(submission(unknown, person)))).toMatchObject({ code: "NOT_FOUND" });
    }
    const { id, token } = await invite();
    expect(await refusalOf(publicCaller(handle, address).submit(submission(token, person)))).toEqual({
      code: "TOO_MANY_REQUESTS",
      message: "Zu viele Übermittlungen von diesem Anschluss. Bitte warten Sie 15 Minuten und versuchen Sie es dann erneut.",
    });
    expect(await statusOf(id)).toBe("open");
    await expect(publicCaller(handle, "203.0.113.78").submit(submission(token, person))).resolves.toEqual({ ok: true });
  });
});
