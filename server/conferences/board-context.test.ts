import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { conferenceParticipants, consents, organisations, users } from "@/db/schema";
import type { Actor } from "../auth/policy";
import type { BoardOperation } from "../schemas/board";
import { createCase } from "../test/case-factories";
import { createConference } from "../test/conference-factories";
import { createTestDatabase } from "../test/database";
import { errorCodeOf } from "../test/error-code";
import { callerFor, createActor, createTenant } from "../test/factories";
import { applyBoardOperation } from "./board";
import { redactOperation } from "./board-visibility";
import { meetingCaseId } from "./meeting-case-ids";

const opId = () => randomUUID().replace(/-/g, "");

/**
 * The board keeps each meeting's consents, participants and Aktendeckblätter in memory between
 * operations. Every change below is written straight into the database, as another server process
 * (or a job) would, with no notice to this one: the next operation must decide on the new state.
 */
describe("board context: kept between operations, never stale", () => {
  let handle: DatabaseHandle;
  let moderator: Actor;
  let cm: Actor;
  let covered: Actor;
  let conferenceId: string;
  let caseId: string;
  let releaseId: string;
  let otherOrganisationId: string;

  const send = (actor: Actor, op: BoardOperation) => applyBoardOperation(handle.db, actor, { conferenceId, clientOpId: opId(), op });
  const caseCard = (text: string, { aboutCase = true } = {}): Extract<BoardOperation, { kind: "card.add" }> => ({
    kind: "card.add",
    cardId: randomUUID(),
    lane: "themen",
    text,
    orderKey: `a${opId().slice(0, 6)}`,
    caseId: aboutCase ? meetingCaseId(conferenceId, caseId) : null,
    perspective: null,
  });

  beforeAll(async () => {
    handle = await createTestDatabase();
    const tenant = await createTenant(handle.db);
    const [other] = await handle.db
      .insert(organisations)
      .values({ tenantId: tenant.tenant.id, name: "Jobcenter Kontext", kind: "jobcenter" })
      .returning();
    otherOrganisationId = other!.id;
    moderator = await createActor(handle.db, tenant.tenant.id, ["coordinator"]);
    cm = await createActor(handle.db, tenant.tenant.id, ["case_manager"]);
    covered = await createActor(handle.db, tenant.tenant.id, ["network_actor"], { organisationId: tenant.organisation.id });
    const created = await createCase(handle.db, {
      manager: cm,
      consentFor: [tenant.organisation.id],
      consentGrantedOn: "2026-01-05",
      identity: { lastName: "Kowalczyk", firstName: "Irena" },
    });
    caseId = created.id;
    releaseId = created.consentIds[0]!;
    await callerFor(handle.db, cm).cases.saveSummary({ caseId, title: "Arbeitssuche", body: "Sucht Arbeit in der Pflege." });
    conferenceId = (
      await createConference(handle.db, {
        planner: moderator,
        type: "planungskonferenz",
        participants: [cm, covered],
        cases: [{ id: caseId, manager: cm }],
      })
    ).id;
    await send(moderator, { kind: "phase.set", index: 1 });
  });
  afterAll(() => handle.close());

  it("takes a consent revoked behind its back into account on the very next operation", async () => {
    const before = await send(covered, caseCard("Anerkennung des Abschlusses dauert"));
    expect(redactOperation(before.applied, before.context.viewers.get(covered.userId)!).op).toMatchObject({
      card: { text: "Anerkennung des Abschlusses dauert", restricted: false },
    });

    await handle.db.update(consents).set({ revokedAt: new Date() }).where(eq(consents.id, releaseId));

    expect(await errorCodeOf(send(covered, caseCard("Sprachkurs B2 fehlt")))).toBe("FORBIDDEN");
    // The case manager may still write; the card reaches the no longer covered participant without its text.
    const after = await send(cm, caseCard("Termin beim Jobcenter vereinbart"));
    const seen = redactOperation(after.applied, after.context.viewers.get(covered.userId)!);
    expect(seen.op).toMatchObject({ card: { text: "", restricted: true } });

    await handle.db.update(consents).set({ revokedAt: null }).where(eq(consents.id, releaseId));
    expect((await send(covered, caseCard("Sprachkurs B2 fehlt"))).duplicate).toBe(false);
  });

  it("checks text against the Aktendeckblatt as it is now, after a change the meeting was not told of", async () => {
    expect((await send(covered, caseCard("Frau Nowakowska braucht einen Kitaplatz", { aboutCase: false }))).duplicate).toBe(false);
    await callerFor(handle.db, cm).cases.saveIdentity({
      caseId,
      identity: { lastName: "Nowakowska", firstName: "Irena", birthDate: "1990-01-01" },
    } as Parameters<ReturnType<typeof callerFor>["cases"]["saveIdentity"]>[0]);
    expect(await errorCodeOf(send(covered, caseCard("Frau Nowakowska wartet auf Antwort", { aboutCase: false })))).toBe("INVALID_INPUT");
  });

  it("follows participants who join or move to another organisation", async () => {
    const late = await createActor(handle.db, covered.tenantId, ["network_actor"], { organisationId: otherOrganisationId });
    await send(covered, caseCard("Bewerbungstraining hilft"));
    await handle.db.insert(conferenceParticipants).values({ conferenceId, userId: late.userId, role: "participant" });
    // Not covered: the other organisation is not named in the consent.
    expect(await errorCodeOf(send(late, caseCard("Praktikum möglich")))).toBe("FORBIDDEN");

    await handle.db.update(users).set({ organisationId: otherOrganisationId }).where(eq(users.id, covered.userId));
    const moved = { ...covered, organisationId: otherOrganisationId };
    expect(await errorCodeOf(send(moved, caseCard("Fahrtkosten klären")))).toBe("FORBIDDEN");
    await handle.db.execute(sql`update users set organisation_id = ${covered.organisationId} where id = ${covered.userId}`);
  });
});
