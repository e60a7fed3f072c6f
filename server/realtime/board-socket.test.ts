import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { io as connect } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { auditEvents, organisations, users } from "@/db/schema";
import type { Actor } from "../auth/policy";
import type { BoardJoinAck, BoardOpAck } from "../schemas/board";
import type { IdentityInput } from "../schemas/cases";
import { createTestDatabase } from "../test/database";
import { createConference } from "../test/conference-factories";
import { callerFor, createActor, createTenant } from "../test/factories";
import { connectBoardClient, sessionCookieFor, startTestSocketServer, type BoardClientSocket } from "../test/socket-server";
import { meetingCaseId } from "../conferences/meeting-case-ids";

const secret = "board-socket-test-secret-with-enough-length-0123";
process.env.NEXTAUTH_SECRET = secret;

type ClientSocket = BoardClientSocket;
const opId = () => randomUUID().replace(/-/g, "");
const canary = { lastName: "Quixtrummel", firstName: "Zelda", birthDate: "1987-04-12" } as IdentityInput;

/**
 * The board as participants experience it over the wire: what each socket receives, what happens
 * when a consent or an account is revoked, and what a runaway or foreign client gets.
 */
describe("board over socket.io: per-participant views and revocation", () => {
  let handle: DatabaseHandle;
  let stopServer: () => Promise<void>;
  let url: string;
  let admin: Actor;
  let moderator: Actor;
  let cm: Actor;
  let covered: Actor;
  let uncovered: Actor;
  let outsider: Actor;
  let conferenceId: string;
  let caseId: string;
  let releaseId: string;
  const sockets: ClientSocket[] = [];

  async function cookieFor(actor: Actor) {
    const [row] = await handle.db.select({ sv: users.sessionVersion }).from(users).where(eq(users.id, actor.userId));
    return await sessionCookieFor(actor.userId, secret, row!.sv);
  }

  async function participant(actor: Actor, options: { reconnection?: boolean } = {}) {
    const client = await connectBoardClient(handle, url, secret, actor, conferenceId, options);
    sockets.push(client.socket);
    return client;
  }

  beforeAll(async () => {
    handle = await createTestDatabase();
    const tenant = await createTenant(handle.db);
    const [other] = await handle.db
      .insert(organisations)
      .values({ tenantId: tenant.tenant.id, name: "Jobcenter Socket", kind: "jobcenter" })
      .returning();
    admin = await createActor(handle.db, tenant.tenant.id, ["admin"]);
    moderator = await createActor(handle.db, tenant.tenant.id, ["coordinator"]);
    cm = await createActor(handle.db, tenant.tenant.id, ["case_manager"]);
    covered = await createActor(handle.db, tenant.tenant.id, ["network_actor"], { organisationId: tenant.organisation.id });
    uncovered = await createActor(handle.db, tenant.tenant.id, ["network_actor"], { organisationId: other!.id });
    outsider = await createActor(handle.db, tenant.tenant.id, ["network_actor"]);

    const cmCaller = callerFor(handle.db, cm);
    caseId = (await cmCaller.cases.create({ accessChannel: "walk_in", kommuneId: tenant.kommune.id, identity: canary })).id;
    releaseId = (
      await cmCaller.cases.addConsent({
        caseId,
        kind: "confidentiality_release",
        organisationIds: [tenant.organisation.id],
        grantedOn: "2026-01-05",
      })
    ).id;
    await cmCaller.cases.saveSummary({ caseId, title: "Wohnungssuche", body: "Familie sucht eine größere Wohnung." });
    conferenceId = (
      await createConference(handle.db, {
        planner: moderator,
        type: "planungskonferenz",
        title: "Planungskonferenz über die Leitung",
        scheduledAt: new Date("2026-12-01T09:00:00Z"),
        participants: [cm, covered, uncovered],
        cases: [{ id: caseId, manager: cm }],
      })
    ).id;

    ({ url, close: stopServer } = await startTestSocketServer(handle));
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await stopServer();
    await handle.close();
  });

  it("sends each participant the card as they may see it, and refuses identifying text naming the field only", async () => {
    const mod = await participant(moderator);
    const seeing = await participant(covered);
    const blind = await participant(uncovered);
    for (const p of [mod, seeing, blind]) expect((await p.join()).ok).toBe(true);
    expect((await mod.send({ kind: "phase.set", index: 1 })).ok).toBe(true);

    const refused = await seeing.send({
      kind: "card.add",
      cardId: randomUUID(),
      lane: "themen",
      text: `Frau ${canary.lastName} findet keine Wohnung`,
      orderKey: "a0",
      caseId: meetingCaseId(conferenceId, caseId),
      perspective: null,
    });
    expect(refused).toEqual({ ok: false, message: expect.stringContaining("Aktendeckblatt (Name)") });
    expect(JSON.stringify(refused)).not.toContain(canary.lastName);

    const cardId = randomUUID();
    expect(
      (
        await seeing.send({
          kind: "card.add",
          cardId,
          lane: "themen",
          text: "Mietschulden verhindern jede Zusage",
          orderKey: "a1",
          caseId: meetingCaseId(conferenceId, caseId),
          perspective: null,
        })
      ).ok,
    ).toBe(true);
    await expect.poll(() => blind.applied().find((a) => a.op.kind === "card.add")).toBeDefined();
    await expect.poll(() => mod.applied().find((a) => a.op.kind === "card.add")).toBeDefined();
    const blindView = blind.applied().find((a) => a.op.kind === "card.add")!;
    expect(blindView.op).toMatchObject({ card: { id: cardId, text: "", restricted: true } });
    expect(JSON.stringify(blind.received)).not.toContain("Mietschulden");
    expect(JSON.stringify([...mod.received, ...seeing.received, ...blind.received])).not.toContain(canary.lastName);

    // Revoking the consent makes every open board fetch its view again, now without the text.
    await callerFor(handle.db, cm).cases.revokeConsent({ caseId, consentId: releaseId });
    await expect.poll(() => seeing.received.some((r) => r.event === "board:resync")).toBe(true);
    const again = (await seeing.join()) as Extract<BoardJoinAck, { mode: "snapshot" }>;
    expect(again.cards.find((c) => c.id === cardId)).toMatchObject({ text: "", restricted: true });
    for (const p of [mod, seeing, blind]) p.socket.disconnect();
  });

  it("logs a reach into a foreign meeting and cuts a deactivated user's socket at once, for good", async () => {
    const foreign = await participant(outsider);
    expect(await foreign.join()).toEqual({ ok: false, message: "Der Eintrag wurde nicht gefunden." });
    const denied = await handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.actorUserId, outsider.userId), eq(auditEvents.action, "auth.access_denied")));
    expect(denied.length).toBeGreaterThan(0);

    const victim = await participant(uncovered, { reconnection: true });
    expect((await victim.join()).ok).toBe(true);
    const cookie = await cookieFor(uncovered);
    await callerFor(handle.db, admin).users.setActive({ id: uncovered.userId, isActive: false });
    await expect.poll(() => victim.received.some((r) => r.event === "session:revoked")).toBe(true);
    await expect.poll(() => victim.socket.connected).toBe(false);
    // The old cookie cannot bring the connection back.
    const retry = connect(url, {
      path: "/socket.io",
      transports: ["websocket"],
      reconnection: false,
      extraHeaders: { origin: url, cookie },
    });
    sockets.push(retry);
    await expect(
      new Promise((resolve, reject) => (retry.once("connect", () => resolve("connected")), retry.once("connect_error", reject))),
    ).rejects.toThrow();
  });

  it("disconnects a flooding client and an oversized packet while the server stays healthy for others", async () => {
    const runaway = await participant(moderator);
    expect((await runaway.join()).ok).toBe(true);
    const acks = await Promise.all(
      Array.from({ length: 120 }, () => runaway.send({ kind: "hand.raise" }).catch(() => null)).map((p) =>
        Promise.race([p, new Promise((r) => setTimeout(() => r(null), 3000))]),
      ),
    );
    expect(acks.some((ack) => ack && !(ack as BoardOpAck).ok && (ack as { message: string }).message.includes("Zu viele"))).toBe(true);
    await expect.poll(() => runaway.socket.connected).toBe(false);

    const big = await participant(cm);
    expect((await big.join()).ok).toBe(true);
    big.socket.emit(
      "board:op",
      {
        conferenceId,
        clientOpId: opId(),
        op: {
          kind: "card.add",
          cardId: randomUUID(),
          lane: "themen",
          text: "x".repeat(100_000),
          orderKey: "z0",
          caseId: null,
          perspective: null,
        },
      },
      () => undefined,
    );
    await expect.poll(() => big.socket.connected).toBe(false);

    const healthy = await participant(covered);
    expect((await healthy.join()).ok).toBe(true);
    expect((await healthy.send({ kind: "hand.raise" })).ok).toBe(true);
  });

  it("keeps the author of an anonymous card hidden from the room when they delete it", async () => {
    const mod = await participant(moderator);
    const author = await participant(covered);
    const watcher = await participant(cm);
    for (const p of [mod, author, watcher]) expect((await p.join()).ok).toBe(true);
    expect((await mod.send({ kind: "board.anonymous", anonymous: true })).ok).toBe(true);
    const before = ((await watcher.join()) as Extract<BoardJoinAck, { mode: "snapshot" }>).seq;
    const cardId = randomUUID();
    const card = {
      kind: "card.add",
      cardId,
      lane: "themen",
      text: "Anonym geschrieben",
      orderKey: "q0",
      caseId: null,
      perspective: null,
    } as const;
    expect((await author.send(card)).ok).toBe(true);
    expect((await author.send({ kind: "card.delete", cardId })).ok).toBe(true);

    for (const p of [mod, watcher, author]) await expect.poll(() => p.applied().some((a) => a.op.kind === "card.delete")).toBe(true);
    // Neither the broadcasts nor a catch-up after a reconnect say who wrote and deleted the card.
    const catchUp = await watcher.join(before);
    for (const seen of [mod.applied(), watcher.applied(), catchUp]) expect(JSON.stringify(seen)).not.toContain(covered.userId);
    // The author's own copy still says it was theirs.
    expect(author.applied().find((a) => a.op.kind === "card.delete")!.actorUserId).toBe(covered.userId);
    expect((await mod.send({ kind: "board.anonymous", anonymous: false })).ok).toBe(true);
    for (const p of [mod, author, watcher]) p.socket.disconnect();
  });

  it.runIf(process.env.TEST_DB_DRIVER === "postgres")("runs on a server that flushes every commit to disk", async () => {
    const fsync = await handle.db.execute(sql`show fsync`);
    const commit = await handle.db.execute(sql`show synchronous_commit`);
    expect(JSON.stringify(fsync)).toContain("on");
    expect(JSON.stringify(commit)).toContain("on");
  });
});
