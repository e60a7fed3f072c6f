import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { boardCards, organisations } from "@/db/schema";
import type { Actor } from "../auth/policy";
import type { BoardCard, BoardJoinAck, BoardOperation } from "../schemas/board";
import type { IdentityInput } from "../schemas/cases";
import { monthKey, todayInBerlin, addMonths } from "../schemas/calendar-days";
import { createTestDatabase } from "../test/database";
import { createConference } from "../test/conference-factories";
import { callerFor, createActor, createTenant } from "../test/factories";
import { connectBoardClient, startTestSocketServer, type BoardClientSocket } from "../test/socket-server";
import { meetingCaseId } from "../conferences/meeting-case-ids";

const secret = "board-timeline-test-secret-with-enough-length-01";
process.env.NEXTAUTH_SECRET = secret;

type ClientSocket = BoardClientSocket;
type Snapshot = Extract<BoardJoinAck, { mode: "snapshot" }>;
const nextMonth = monthKey(addMonths(todayInBerlin(), 1));
const thisMonth = monthKey(todayInBerlin());

/**
 * The Fallrekonstruktion's time axis over the wire: cards carry the month they stand at, everyone
 * sees it (unless the card's case is withheld from them), it can be changed, and it survives a
 * reconnect both as a snapshot and as caught-up operations.
 */
describe("timeline months on the live board", () => {
  let handle: DatabaseHandle;
  let stopServer: () => Promise<void>;
  let url: string;
  let moderator: Actor;
  let covered: Actor;
  let uncovered: Actor;
  let conferenceId: string;
  let meetingCase: string;
  const sockets: ClientSocket[] = [];

  async function participant(actor: Actor) {
    const client = await connectBoardClient(handle, url, secret, actor, conferenceId);
    sockets.push(client.socket);
    // The last state of a card as the broadcasts told this participant.
    const cardSeen = (cardId: string) =>
      client
        .applied()
        .filter((a) => "card" in a.op && a.op.card.id === cardId)
        .map((a) => (a.op as { card: BoardCard }).card)
        .at(-1);
    return { ...client, cardSeen };
  }

  const addCard = (cardId: string, fields: Partial<Extract<BoardOperation, { kind: "card.add" }>>): BoardOperation => ({
    kind: "card.add",
    cardId,
    lane: "verlauf",
    text: "Ankunft in der Kommune",
    orderKey: "a0",
    caseId: null,
    perspective: null,
    ...fields,
  });

  beforeAll(async () => {
    handle = await createTestDatabase();
    const tenant = await createTenant(handle.db);
    const [other] = await handle.db
      .insert(organisations)
      .values({ tenantId: tenant.tenant.id, name: "Jobcenter Zeitachse", kind: "jobcenter" })
      .returning();
    moderator = await createActor(handle.db, tenant.tenant.id, ["coordinator"]);
    const cm = await createActor(handle.db, tenant.tenant.id, ["case_manager"]);
    covered = await createActor(handle.db, tenant.tenant.id, ["network_actor"], { organisationId: tenant.organisation.id });
    uncovered = await createActor(handle.db, tenant.tenant.id, ["network_actor"], { organisationId: other!.id });
    const cmCaller = callerFor(handle.db, cm);
    const identity = { lastName: "Brennecke", firstName: "Ilse", birthDate: "1990-02-03" } as IdentityInput;
    const caseId = (await cmCaller.cases.create({ accessChannel: "walk_in", kommuneId: tenant.kommune.id, identity })).id;
    await cmCaller.cases.addConsent({
      caseId,
      kind: "confidentiality_release",
      organisationIds: [tenant.organisation.id],
      grantedOn: "2026-01-05",
    });
    await cmCaller.cases.saveSummary({ caseId, title: "Anerkennung", body: "Der Berufsabschluss wartet auf Anerkennung." });
    conferenceId = (
      await createConference(handle.db, {
        planner: moderator,
        type: "fallrekonstruktion",
        title: "Fallrekonstruktion Zeitachse",
        participants: [cm, covered, uncovered],
        cases: [{ id: caseId, manager: cm }],
      })
    ).id;
    meetingCase = meetingCaseId(conferenceId, caseId);
    ({ url, close: stopServer } = await startTestSocketServer(handle));
    // The default Ablaufplan of a Fallrekonstruktion: phase 1 is the timeline.
    const mod = await participant(moderator);
    await mod.join();
    expect(await mod.send({ kind: "phase.set", index: 1 })).toMatchObject({ ok: true });
    mod.socket.disconnect();
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await stopServer();
    await handle.close();
  });

  it("places a card at its month for everyone, moves it to another month, and keeps it after a reconnect", async () => {
    const mod = await participant(moderator);
    const writer = await participant(covered);
    const blind = await participant(uncovered);
    for (const p of [mod, writer, blind]) expect((await p.join()).ok).toBe(true);
    const caseCard = randomUUID();
    const barrier = randomUUID();
    expect(
      await writer.send(addCard(caseCard, { text: "Antrag auf Anerkennung gestellt", month: "2023-04", caseId: meetingCase })),
    ).toMatchObject({ ok: true });
    expect(await writer.send(addCard(barrier, { lane: "barrieren", text: "Kein Termin beim Amt", month: "2023-09" }))).toMatchObject({
      ok: true,
    });

    await expect.poll(() => writer.cardSeen(caseCard)?.month).toBe("2023-04");
    await expect.poll(() => blind.cardSeen(barrier)?.month).toBe("2023-09");
    await expect.poll(() => mod.cardSeen(barrier)?.month).toBe("2023-09");
    // The month of a case card is part of the case's story: withheld from whom its consent does not cover.
    await expect.poll(() => blind.cardSeen(caseCard)).toMatchObject({ text: "", restricted: true, month: null });

    const { seq: beforeChange } = (await mod.join()) as Snapshot;
    expect(await writer.send({ kind: "card.month", cardId: caseCard, month: "2024-01" })).toMatchObject({ ok: true });
    expect(await mod.send({ kind: "card.month", cardId: barrier, month: null })).toMatchObject({ ok: true });
    await expect.poll(() => writer.cardSeen(caseCard)?.month).toBe("2024-01");
    await expect.poll(() => writer.cardSeen(barrier)?.month).toBe(null);
    expect(blind.cardSeen(caseCard)).toMatchObject({ month: null });

    // A reconnect with nothing seen gets the board as it is; one that missed a little gets the operations.
    const late = await participant(covered);
    const snapshot = (await late.join()) as Snapshot;
    expect(snapshot.mode).toBe("snapshot");
    expect(snapshot.cards.find((c) => c.id === caseCard)).toMatchObject({ month: "2024-01", text: "Antrag auf Anerkennung gestellt" });
    expect(snapshot.cards.find((c) => c.id === barrier)).toMatchObject({ month: null, lane: "barrieren" });
    const caughtUp = await late.join(beforeChange);
    expect(caughtUp).toMatchObject({ ok: true, mode: "operations" });
    const ops = (caughtUp as Extract<BoardJoinAck, { mode: "operations" }>).operations.map((a) => a.op);
    expect(ops).toEqual([
      expect.objectContaining({ kind: "card.month", cardId: caseCard, card: expect.objectContaining({ month: "2024-01" }) }),
      expect.objectContaining({ kind: "card.month", cardId: barrier, card: expect.objectContaining({ month: null }) }),
    ]);
    const blindSnapshot = (await blind.join()) as Snapshot;
    expect(blindSnapshot.cards.find((c) => c.id === caseCard)).toMatchObject({ month: null, restricted: true });
    const [stored] = await handle.db.select({ month: boardCards.month }).from(boardCards).where(eq(boardCards.id, caseCard));
    expect(stored).toEqual({ month: "2024-01" });
    for (const p of [mod, writer, blind, late]) p.socket.disconnect();
  });

  it("refuses a month in the future in German, and a malformed month, changing nothing", async () => {
    const writer = await participant(covered);
    await writer.join();
    const cardId = randomUUID();
    expect(await writer.send(addCard(cardId, { month: nextMonth }))).toEqual({
      ok: false,
      message:
        "Dieser Monat liegt in der Zukunft. Die Zeitachse hält fest, was bereits geschehen ist; Geplantes gehört in die Arbeitspakete.",
    });
    expect(await writer.send(addCard(cardId, { month: "2023-13" }))).toMatchObject({ ok: false });
    expect(await writer.send(addCard(cardId, { month: "1850-01" }))).toMatchObject({ ok: false });
    expect(await handle.db.select().from(boardCards).where(eq(boardCards.id, cardId))).toEqual([]);

    // The current month is not the future.
    expect(await writer.send(addCard(cardId, { month: thisMonth }))).toMatchObject({ ok: true });
    expect(await writer.send({ kind: "card.month", cardId, month: nextMonth })).toMatchObject({
      ok: false,
      message: expect.stringContaining("liegt in der Zukunft"),
    });
    const [stored] = await handle.db.select({ month: boardCards.month }).from(boardCards).where(eq(boardCards.id, cardId));
    expect(stored).toEqual({ month: thisMonth });
    writer.socket.disconnect();
  });

  it("lets only the card's author and the moderator change its month", async () => {
    const writer = await participant(covered);
    const stranger = await participant(uncovered);
    const mod = await participant(moderator);
    for (const p of [writer, stranger, mod]) await p.join();
    const cardId = randomUUID();
    expect(await writer.send(addCard(cardId, { lane: "wendepunkte", text: "Erste Arbeitsstelle", month: "2024-06" }))).toMatchObject({
      ok: true,
    });
    expect(await stranger.send({ kind: "card.month", cardId, month: "2020-01" })).toEqual({
      ok: false,
      message: "Nur die Verfasserin bzw. der Verfasser der Karte oder die Moderation kann sie ändern oder entfernen.",
    });
    expect(await mod.send({ kind: "card.month", cardId, month: "2024-05" })).toMatchObject({ ok: true });
    const [stored] = await handle.db.select({ month: boardCards.month }).from(boardCards).where(eq(boardCards.id, cardId));
    expect(stored).toEqual({ month: "2024-05" });
    for (const p of [writer, stranger, mod]) p.socket.disconnect();
  });
});
