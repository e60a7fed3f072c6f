import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { conferenceGuests, conferenceParticipants, conferences, organisations, users } from "@/db/schema";
import { loadActor } from "../auth/load-actor";
import type { Actor } from "../auth/policy";
import type { BoardOperation } from "../schemas/board";
import type { PhaseDefinition } from "../schemas/conference-kinds";
import type { IdentityInput } from "../schemas/cases";
import { createTestDatabase } from "../test/database";
import { callerFor, createActor, createTenant } from "../test/factories";
import { applyBoardOperation, boardMetaOf } from "./board";
import { meetingCaseId } from "./meeting-case-ids";

type Who = "moderator" | "covered" | "uncovered" | "guest" | "outsider" | "foreign";
type Outcome = "ok" | "FORBIDDEN" | "NOT_FOUND";

/** One phase of each board kind, so every operation can be tried where its phase allows it. */
const phases: PhaseDefinition[] = [
  { key: "start", title: "Start", board: "none", minutes: 5 },
  { key: "rekonstruktion", title: "Rekonstruktion", board: "reconstruction", minutes: 5 },
  { key: "karten", title: "Karten", board: "cards", minutes: 5 },
  { key: "clustern", title: "Clustern", board: "clustering", minutes: 5 },
  { key: "punkten", title: "Punkten", board: "voting", minutes: 5 },
];

interface Context {
  caseId: string;
  /** A card the actor wrote, in the cards phase, about no case. */
  ownCard: () => Promise<string>;
  /** A cluster the moderator made. */
  cluster: () => Promise<string>;
}

interface Row {
  phase: number;
  build: (ctx: Context, actor: Actor) => Promise<BoardOperation>;
  /** Everyone outside the meeting always gets NOT_FOUND; these are the insiders' outcomes. */
  expect: Record<"moderator" | "covered" | "uncovered" | "guest", Outcome>;
}

const participantOp = { moderator: "ok", covered: "ok", uncovered: "ok", guest: "ok" } as const;
const moderatorOnly = { moderator: "ok", covered: "FORBIDDEN", uncovered: "FORBIDDEN", guest: "FORBIDDEN" } as const;
/** Writing about a case needs its consent to cover one's organisation (the guest's is not covered). */
const consentGated = { moderator: "ok", covered: "ok", uncovered: "FORBIDDEN", guest: "FORBIDDEN" } as const;

const card = (extra: Partial<Extract<BoardOperation, { kind: "card.add" }>> = {}): BoardOperation => ({
  kind: "card.add",
  cardId: randomUUID(),
  lane: "themen",
  text: "Lange Wartezeiten auf Termine",
  orderKey: "a0",
  caseId: null,
  perspective: null,
  ...extra,
});

/** The declared policy: every board operation kind, tried by every kind of person. */
const matrix: Record<string, Row> = {
  "card.add": { phase: 2, build: async () => card(), expect: participantOp },
  "card.add about a case": { phase: 2, build: async (ctx) => card({ caseId: ctx.caseId }), expect: consentGated },
  "card.edit own": {
    phase: 2,
    build: async (ctx) => ({ kind: "card.edit", cardId: await ctx.ownCard(), text: "Geändert" }),
    expect: participantOp,
  },
  "card.move": {
    phase: 2,
    build: async (ctx) => ({ kind: "card.move", cardId: await ctx.ownCard(), lane: "ideen", orderKey: "b0" }),
    expect: participantOp,
  },
  "card.delete own": { phase: 2, build: async (ctx) => ({ kind: "card.delete", cardId: await ctx.ownCard() }), expect: participantOp },
  "card.tag with a case": {
    phase: 2,
    build: async (ctx) => ({ kind: "card.tag", cardId: await ctx.ownCard(), caseId: ctx.caseId }),
    expect: consentGated,
  },
  "card.solution": {
    phase: 2,
    build: async (ctx) => ({ kind: "card.solution", cardId: await ctx.ownCard(), isSolution: true }),
    expect: moderatorOnly,
  },
  "card.cluster": {
    phase: 3,
    build: async (ctx) => ({ kind: "card.cluster", cardId: await ctx.ownCard(), clusterId: await ctx.cluster() }),
    expect: participantOp,
  },
  "cluster.add": {
    phase: 3,
    build: async () => ({ kind: "cluster.add", clusterId: randomUUID(), title: "Neuer Cluster", orderKey: "a0" }),
    expect: participantOp,
  },
  "cluster.rename": {
    phase: 3,
    build: async (ctx) => ({ kind: "cluster.rename", clusterId: await ctx.cluster(), title: "Umbenannt" }),
    expect: participantOp,
  },
  "cluster.delete": { phase: 3, build: async (ctx) => ({ kind: "cluster.delete", clusterId: await ctx.cluster() }), expect: moderatorOnly },
  "vote.set": { phase: 4, build: async (ctx) => ({ kind: "vote.set", targetId: await ctx.cluster(), dots: 1 }), expect: participantOp },
  "phase.set": { phase: 0, build: async () => ({ kind: "phase.set", index: 0 }), expect: moderatorOnly },
  "timer.start": { phase: 0, build: async () => ({ kind: "timer.start", seconds: 60 }), expect: moderatorOnly },
  "timer.stop": { phase: 0, build: async () => ({ kind: "timer.stop" }), expect: moderatorOnly },
  "board.lock": { phase: 0, build: async () => ({ kind: "board.lock", locked: false }), expect: moderatorOnly },
  "board.anonymous": { phase: 0, build: async () => ({ kind: "board.anonymous", anonymous: false }), expect: moderatorOnly },
  "cards.reveal": { phase: 0, build: async () => ({ kind: "cards.reveal" }), expect: moderatorOnly },
  "focus.set": { phase: 0, build: async () => ({ kind: "focus.set", target: "phase:start" }), expect: moderatorOnly },
  "hand.raise": { phase: 0, build: async () => ({ kind: "hand.raise" }), expect: participantOp },
  "hand.lower own": { phase: 0, build: async (_ctx, actor) => ({ kind: "hand.lower", userId: actor.userId }), expect: participantOp },
  "ready.set for a case": {
    phase: 1,
    build: async (ctx) => ({ kind: "ready.set", caseId: ctx.caseId, ready: true }),
    expect: consentGated,
  },
  "case.activate": { phase: 0, build: async (ctx) => ({ kind: "case.activate", caseId: ctx.caseId }), expect: moderatorOnly },
};

describe("board operation policy: every kind × every person × consent", () => {
  let handle: DatabaseHandle;
  let conferenceId: string;
  let caseId: string;
  const people = {} as Record<Who, Actor>;

  const send = (actor: Actor, op: BoardOperation) =>
    applyBoardOperation(handle.db, actor, { conferenceId, clientOpId: randomUUID().replace(/-/g, ""), op });
  const outcome = (actor: Actor, op: BoardOperation): Promise<Outcome> =>
    send(actor, op).then(
      () => "ok",
      (error: { code?: string }) =>
        error.code === "FORBIDDEN" || error.code === "NOT_FOUND" ? error.code : (`unexpected ${error.code}` as Outcome),
    );

  beforeAll(async () => {
    handle = await createTestDatabase();
    const tenant = await createTenant(handle.db);
    const [other] = await handle.db
      .insert(organisations)
      .values({ tenantId: tenant.tenant.id, name: "Jobcenter Matrix", kind: "jobcenter" })
      .returning();
    // The moderator's organisation is covered too; a moderator outside the consent is tried below.
    people.moderator = await createActor(handle.db, tenant.tenant.id, ["coordinator"], { organisationId: tenant.organisation.id });
    const cm = await createActor(handle.db, tenant.tenant.id, ["case_manager"]);
    people.covered = await createActor(handle.db, tenant.tenant.id, ["network_actor"], { organisationId: tenant.organisation.id });
    people.uncovered = await createActor(handle.db, tenant.tenant.id, ["network_actor"], { organisationId: other!.id });
    people.outsider = await createActor(handle.db, tenant.tenant.id, ["case_manager"]);
    people.foreign = await createActor(handle.db, (await createTenant(handle.db)).tenant.id, ["coordinator"]);

    const cmCaller = callerFor(handle.db, cm);
    caseId = (
      await cmCaller.cases.create({
        accessChannel: "walk_in",
        kommuneId: tenant.kommune.id,
        identity: { lastName: "Matrixfall", firstName: "Mia", birthDate: "1991-05-05" } as IdentityInput,
      })
    ).id;
    await cmCaller.cases.addConsent({
      caseId,
      kind: "confidentiality_release",
      organisationIds: [tenant.organisation.id],
      grantedOn: "2026-01-05",
    });
    await cmCaller.cases.saveSummary({ caseId, title: "Arbeitssuche", body: "Sucht Arbeit in der Pflege." });
    conferenceId = (
      await callerFor(handle.db, people.moderator).conferences.create({
        type: "planungskonferenz",
        title: "Konferenz für die Matrix",
        scheduledAt: new Date("2026-12-01T09:00:00Z"),
        participantUserIds: [cm.userId, people.covered.userId, people.uncovered.userId],
      })
    ).id;
    await cmCaller.conferences.addCase({ conferenceId, caseId });
    await handle.db.update(conferences).set({ phases }).where(eq(conferences.id, conferenceId));

    // A guest as the invitation link makes one: no roles, a participant of this meeting only.
    const [guestUser] = await handle.db
      .insert(users)
      .values({ tenantId: tenant.tenant.id, username: `gast-${randomUUID().slice(0, 8)}`, displayName: "Gabi Gast", isGuest: true })
      .returning();
    await handle.db.insert(conferenceParticipants).values({ conferenceId, userId: guestUser!.id, role: "guest" });
    await handle.db.insert(conferenceGuests).values({
      conferenceId,
      userId: guestUser!.id,
      tokenHash: randomUUID(),
      expiresAt: new Date(Date.now() + 86_400_000),
      invitedName: "Gabi Gast",
      invitedByUserId: people.moderator.userId,
      confirmedAt: new Date(),
    });
    people.guest = (await loadActor(handle.db, { userId: guestUser!.id, sessionVersion: 1 }))!;
    expect(people.guest.isGuest).toBe(true);
  });
  afterAll(() => handle.close());

  async function setPhase(index: number) {
    const [row] = await handle.db.select().from(conferences).where(eq(conferences.id, conferenceId));
    if (boardMetaOf(row!).phaseIndex !== index) await send(people.moderator, { kind: "phase.set", index });
  }

  for (const [name, row] of Object.entries(matrix)) {
    it(`${name}: ${Object.entries(row.expect)
      .map(([who, result]) => `${who} ${result}`)
      .join(", ")}, outsiders NOT_FOUND`, async () => {
      for (const who of ["moderator", "covered", "uncovered", "guest", "outsider", "foreign"] as Who[]) {
        const actor = people[who];
        // Preconditions are made by someone allowed to make them, in the phase they need.
        const ctx: Context = {
          // The browser names the case by its id in this meeting.
          caseId: meetingCaseId(conferenceId, caseId),
          ownCard: async () => {
            await setPhase(2);
            const author = who === "outsider" || who === "foreign" ? people.moderator : actor;
            const op = card();
            await send(author, op);
            await setPhase(row.phase);
            return (op as { cardId: string }).cardId;
          },
          cluster: async () => {
            const clusterId = randomUUID();
            await setPhase(3);
            await send(people.moderator, { kind: "cluster.add", clusterId, title: "Cluster", orderKey: "a0" });
            await setPhase(row.phase);
            return clusterId;
          },
        };
        await setPhase(row.phase);
        const op = await row.build(ctx, actor);
        const expected: Outcome = who === "outsider" || who === "foreign" ? "NOT_FOUND" : row.expect[who];
        expect({ who, outcome: await outcome(actor, op) }).toEqual({ who, outcome: expected });
      }
    });
  }

  it("a moderator outside a case's consent may call the case but not write about it", async () => {
    const [row] = await handle.db.select({ tenantId: conferences.tenantId }).from(conferences).where(eq(conferences.id, conferenceId));
    const coModerator = await createActor(handle.db, row!.tenantId, ["coordinator"]);
    await handle.db.insert(conferenceParticipants).values({ conferenceId, userId: coModerator.userId, role: "moderator" });
    await setPhase(2);
    const meetingId = meetingCaseId(conferenceId, caseId);
    expect(await outcome(coModerator, { kind: "case.activate", caseId: meetingId })).toBe("ok");
    expect(await outcome(coModerator, card({ caseId: meetingId }))).toBe("FORBIDDEN");
  });
});
