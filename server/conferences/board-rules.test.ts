import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { organisations } from "@/db/schema";
import type { Actor } from "../auth/policy";
import type { BoardJoinAck, BoardOperation } from "../schemas/board";
import { createTestDatabase } from "../test/database";
import { createCase } from "../test/case-factories";
import { createConference } from "../test/conference-factories";
import { callerFor, createActor, createTenant } from "../test/factories";
import { applyBoardOperation, getBoardForJoin } from "./board";
import { boardViewers, redactOperation } from "./board-visibility";
import { meetingCaseId } from "./meeting-case-ids";

const opId = () => randomUUID().replace(/-/g, "");

describe("board rules: roles, phases, anonymity, consent, votes", () => {
  let handle: DatabaseHandle;
  let moderator: Actor;
  let cm: Actor;
  let covered: Actor;
  let uncovered: Actor;
  let conferenceId: string;
  let caseId: string;
  let releaseId: string;

  const send = (actor: Actor, op: BoardOperation) => applyBoardOperation(handle.db, actor, { conferenceId, clientOpId: opId(), op });
  const snapshot = async (actor: Actor) => {
    const ack = (await getBoardForJoin(handle.db, actor, conferenceId, 0)) as Extract<BoardJoinAck, { mode: "snapshot" }>;
    return ack;
  };

  beforeAll(async () => {
    handle = await createTestDatabase();
    const tenant = await createTenant(handle.db);
    const [other] = await handle.db
      .insert(organisations)
      .values({ tenantId: tenant.tenant.id, name: "Jobcenter Test", kind: "jobcenter" })
      .returning();
    moderator = await createActor(handle.db, tenant.tenant.id, ["coordinator"]);
    cm = await createActor(handle.db, tenant.tenant.id, ["case_manager"]);
    covered = await createActor(handle.db, tenant.tenant.id, ["network_actor"], { organisationId: tenant.organisation.id });
    uncovered = await createActor(handle.db, tenant.tenant.id, ["network_actor"], { organisationId: other!.id });

    const cmCaller = callerFor(handle.db, cm);
    const created = await createCase(handle.db, {
      manager: cm,
      kommuneId: tenant.kommune.id,
      consentFor: [tenant.organisation.id],
      consentGrantedOn: "2026-01-05",
    });
    caseId = created.id;
    releaseId = created.consentIds[0]!;
    await cmCaller.cases.saveSummary({ caseId, title: "Wohnungssuche", body: "Familie sucht eine größere Wohnung." });
    const conference = await createConference(handle.db, {
      planner: moderator,
      type: "planungskonferenz",
      title: "Planungskonferenz Regeln",
      scheduledAt: new Date("2026-12-01T09:00:00Z"),
      participants: [cm, covered, uncovered],
      cases: [{ id: caseId, manager: cm }],
    });
    conferenceId = conference.id;
  });
  afterAll(() => handle.close());

  it("copies the Ablaufplan and lets participants write only in phases meant for it", async () => {
    const details = await callerFor(handle.db, moderator).conferences.get({ conferenceId });
    expect(details.conference.phases.map((p) => p.board)).toEqual(["none", "cards", "clustering", "voting", "formulation", "none"]);
    const card = {
      kind: "card.add" as const,
      cardId: randomUUID(),
      lane: "themen",
      text: "Zu früh",
      orderKey: "a0",
      caseId: null,
      perspective: null,
    };
    await expect(send(covered, card)).rejects.toMatchObject({ code: "CONFLICT", message: "conferences.board.notInThisPhase" });
    await expect(send(covered, { kind: "phase.set", index: 1 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(send(moderator, { kind: "phase.set", index: 6 })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await send(moderator, { kind: "phase.set", index: 1 });
    await expect(send(covered, card)).resolves.toBeDefined();
  });

  it("sends every viewer their own abilities on each card, so the board need not work them out", async () => {
    const cardId = randomUUID();
    const { applied } = await send(covered, {
      kind: "card.add",
      cardId,
      lane: "themen",
      text: "Wer darf das?",
      orderKey: "c0",
      caseId: null,
      perspective: null,
    });
    const abilitiesSeenBy = async (actor: Actor) => (await snapshot(actor)).cards.find((c) => c.id === cardId)!.abilities;
    expect(await abilitiesSeenBy(covered)).toEqual({ edit: true, move: true, delete: true, tag: true });
    expect(await abilitiesSeenBy(uncovered)).toEqual({ edit: false, move: true, delete: false, tag: false });
    expect(await abilitiesSeenBy(moderator)).toEqual({ edit: true, move: true, delete: true, tag: true });
    // The stored operation carries no viewer's abilities; each broadcast adds the receiver's.
    expect("abilities" in (applied.op as { card: object }).card).toBe(false);
    const viewers = await boardViewers(handle.db, conferenceId);
    const seenByUncovered = redactOperation(
      applied,
      viewers.find((v) => v.userId === uncovered.userId)!,
    );
    expect((seenByUncovered.op as { card: { abilities: unknown } }).card.abilities).toEqual({
      edit: false,
      move: true,
      delete: false,
      tag: false,
    });
    await send(covered, { kind: "card.delete", cardId });
  });

  it("hides anonymous cards' text and author from everyone but their author until the moderator reveals them", async () => {
    await send(moderator, { kind: "board.anonymous", anonymous: true });
    const cardId = randomUUID();
    const { applied } = await send(uncovered, {
      kind: "card.add",
      cardId,
      lane: "themen",
      text: "Niemand erklärt die Bescheide",
      orderKey: "b0",
      caseId: null,
      perspective: null,
    });
    const viewers = await boardViewers(handle.db, conferenceId);
    const viewer = (userId: string) => viewers.find((v) => v.userId === userId)!;
    const seenByOther = redactOperation(applied, viewer(covered.userId));
    expect(JSON.stringify(seenByOther)).not.toContain("Bescheide");
    expect(JSON.stringify(seenByOther)).not.toContain(uncovered.userId);
    expect(JSON.stringify(redactOperation(applied, viewer(uncovered.userId)))).toContain("Bescheide");
    expect((await snapshot(moderator)).cards.find((c) => c.id === cardId)).toMatchObject({ text: "", authorUserId: "", isHidden: true });

    await send(moderator, { kind: "cards.reveal" });
    expect((await snapshot(covered)).cards.find((c) => c.id === cardId)).toMatchObject({
      text: "Niemand erklärt die Bescheide",
      authorUserId: uncovered.userId,
      isHidden: false,
    });
    expect((await snapshot(covered)).meta.anonymous).toBe(false);
  });

  it("shows a case's cards only to those its consent covers, and stops at once when the consent is revoked", async () => {
    const cardId = randomUUID();
    const meetingId = meetingCaseId(conferenceId, caseId);
    await expect(
      send(uncovered, {
        kind: "card.add",
        cardId: randomUUID(),
        lane: "themen",
        text: "x",
        orderKey: "c0",
        caseId: meetingId,
        perspective: null,
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await send(covered, {
      kind: "card.add",
      cardId,
      lane: "themen",
      text: "Mietschulden aus dem Vorjahr",
      orderKey: "c1",
      caseId: meetingId,
      perspective: null,
    });
    expect((await snapshot(uncovered)).cards.find((c) => c.id === cardId)).toMatchObject({ text: "", restricted: true });
    expect((await snapshot(cm)).cards.find((c) => c.id === cardId)).toMatchObject({
      text: "Mietschulden aus dem Vorjahr",
      restricted: false,
    });
    expect(JSON.stringify(await getBoardForJoin(handle.db, uncovered, conferenceId, 1))).not.toContain("Mietschulden");
    await expect(send(uncovered, { kind: "card.edit", cardId, text: "überschrieben" })).rejects.toMatchObject({ code: "FORBIDDEN" });

    await callerFor(handle.db, cm).cases.revokeConsent({ caseId, consentId: releaseId });
    expect((await snapshot(covered)).cards.find((c) => c.id === cardId)).toMatchObject({ text: "", restricted: true });
    expect((await snapshot(cm)).cards.find((c) => c.id === cardId)?.text).toBe("Mietschulden aus dem Vorjahr");
  });

  it("clusters cards, keeps everyone's dots within the budget, and frees the cards of a deleted cluster", async () => {
    await send(moderator, { kind: "phase.set", index: 2 });
    const clusterId = randomUUID();
    await send(covered, { kind: "cluster.add", clusterId, title: "Wohnen", orderKey: "a0" });
    const cardId = randomUUID();
    await send(covered, {
      kind: "card.add",
      cardId,
      lane: "themen",
      text: "Zu wenig große Wohnungen",
      orderKey: "d0",
      caseId: null,
      perspective: null,
    });
    await send(uncovered, { kind: "card.cluster", cardId, clusterId });
    await expect(send(covered, { kind: "vote.set", targetId: clusterId, dots: 1 })).rejects.toMatchObject({
      message: "conferences.board.notInThisPhase",
    });

    await send(moderator, { kind: "phase.set", index: 3 });
    await send(covered, { kind: "vote.set", targetId: clusterId, dots: 2 });
    await expect(send(covered, { kind: "vote.set", targetId: cardId, dots: 2 })).rejects.toMatchObject({
      message: "conferences.board.voteBudget",
    });
    await send(covered, { kind: "vote.set", targetId: cardId, dots: 1 });
    await send(uncovered, { kind: "vote.set", targetId: clusterId, dots: 3 });
    expect((await snapshot(moderator)).meta.votes).toMatchObject({
      [covered.userId]: { [clusterId]: 2, [cardId]: 1 },
      [uncovered.userId]: { [clusterId]: 3 },
    });

    await send(moderator, { kind: "cluster.delete", clusterId });
    const after = await snapshot(moderator);
    expect(after.cards.find((c) => c.id === cardId)?.clusterId).toBeNull();
    expect(after.meta.clusters[clusterId]).toBeUndefined();
    expect(after.meta.votes[uncovered.userId]).toEqual({});
  });

  it("keeps moderator controls to the moderator, runs the timer on the server's clock and a speakers' list", async () => {
    for (const op of [
      { kind: "timer.start", seconds: 300 },
      { kind: "board.lock", locked: true },
      { kind: "focus.set", target: "phase:punkten" },
      { kind: "card.solution", cardId: randomUUID(), isSolution: true },
    ] as BoardOperation[]) {
      await expect(send(covered, op)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    const before = Date.now();
    await send(moderator, { kind: "timer.start", seconds: 300 });
    const { meta } = await snapshot(covered);
    expect(new Date(meta.timer!.endsAt).getTime()).toBeGreaterThanOrEqual(before + 299_000);
    await send(covered, { kind: "hand.raise" });
    await send(uncovered, { kind: "hand.raise" });
    await expect(send(covered, { kind: "hand.lower", userId: uncovered.userId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await snapshot(cm)).meta.hands).toEqual([covered.userId, uncovered.userId]);
    await send(moderator, { kind: "hand.lower", userId: covered.userId });
    expect((await snapshot(cm)).meta.hands).toEqual([uncovered.userId]);
  });

  it("refuses every operation once the meeting is finished", async () => {
    const caller = callerFor(handle.db, moderator);
    await caller.conferences.setStatus({ conferenceId, status: "running" });
    await expect(callerFor(handle.db, covered).conferences.setStatus({ conferenceId, status: "finished" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await caller.conferences.setStatus({ conferenceId, status: "finished" });
    await expect(send(moderator, { kind: "hand.raise" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "conferences.board.finished",
    });
  });
});
