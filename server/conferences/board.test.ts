import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { generateKeyBetween } from "fractional-indexing";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { boardOperations, conferences } from "@/db/schema";
import type { Actor } from "../auth/policy";
import {
  emptyBoardMeta,
  type AppliedOperation,
  type BoardCard,
  type BoardJoinAck,
  type BoardMeta,
  type BoardOpAck,
  type BoardOperation,
  type BoardState,
} from "../schemas/board";
import type { ClientToServerEvents, ServerToClientEvents } from "../schemas/realtime";
import { createTestDatabase } from "../test/database";
import { createActor, createTenant } from "../test/factories";
import { applyBoardOperation, getBoardForJoin, listBoardCards } from "./board";
import { applyOperation } from "./board-state";
import { createConference } from "./conferences";
import { sessionCookieFor, startTestSocketServer } from "../test/socket-server";

const secret = "board-test-secret-with-enough-length-0123456789";
process.env.NEXTAUTH_SECRET = secret;

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
const opId = () => randomUUID().replace(/-/g, "");

describe("board engine", () => {
  let handle: DatabaseHandle;
  let moderator: Actor;
  let participant: Actor;
  let outsider: Actor;
  let foreign: Actor;
  let conferenceId: string;

  beforeAll(async () => {
    handle = await createTestDatabase();
    const { tenant } = await createTenant(handle.db);
    moderator = await createActor(handle.db, tenant.id, ["coordinator"]);
    participant = await createActor(handle.db, tenant.id, ["network_actor"]);
    outsider = await createActor(handle.db, tenant.id, ["case_manager"]);
    foreign = await createActor(handle.db, (await createTenant(handle.db)).tenant.id, ["coordinator"]);
    const conference = await createConference(handle.db, moderator, {
      type: "planungskonferenz",
      title: "Planungskonferenz Nord",
      kommuneId: null,
      scheduledAt: new Date("2026-12-01T09:00:00Z"),
      place: "Kreishaus",
      isOnline: false,
      participantUserIds: [participant.userId],
      previousConferenceId: null,
    });
    conferenceId = conference.id;
    // Past the welcome, into the phase where cards are collected.
    await applyBoardOperation(handle.db, moderator, { conferenceId, clientOpId: opId(), op: { kind: "phase.set", index: 1 } });
  });
  afterAll(() => handle.close());

  async function serverMeta(): Promise<BoardMeta> {
    const [row] = await handle.db.select({ boardMeta: conferences.boardMeta }).from(conferences).where(eq(conferences.id, conferenceId));
    return { ...emptyBoardMeta, ...row!.boardMeta };
  }

  it("numbers operations in order, applies a retry once, and lets only participants in", async () => {
    const cardId = randomUUID();
    const clientOpId = opId();
    const add = {
      conferenceId,
      clientOpId,
      op: { kind: "card.add" as const, cardId, lane: "themen", text: "Wohnraum fehlt", orderKey: generateKeyBetween(null, null) },
    };
    const first = await applyBoardOperation(handle.db, participant, add);
    const retry = await applyBoardOperation(handle.db, participant, add);
    expect(first.duplicate).toBe(false);
    expect(retry).toMatchObject({ applied: first.applied, duplicate: true });
    const second = await applyBoardOperation(handle.db, participant, {
      conferenceId,
      clientOpId: opId(),
      op: { kind: "card.edit", cardId, text: "Bezahlbarer Wohnraum fehlt" },
    });
    expect(second.applied.seq).toBe(first.applied.seq + 1);
    expect(await handle.db.select().from(boardOperations).where(eq(boardOperations.conferenceId, conferenceId))).toHaveLength(3);
    for (const actor of [outsider, foreign]) {
      await expect(
        applyBoardOperation(handle.db, actor, { conferenceId, clientOpId: opId(), op: { kind: "card.delete", cardId } }),
      ).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(getBoardForJoin(handle.db, actor, conferenceId, 0)).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
  });

  it("lets only the author or the moderator change a card, and only the moderator write on a locked board", async () => {
    const cardId = randomUUID();
    await applyBoardOperation(handle.db, moderator, {
      conferenceId,
      clientOpId: opId(),
      op: { kind: "card.add", cardId, lane: "themen", text: "Moderationskarte", orderKey: "a1" },
    });
    await expect(
      applyBoardOperation(handle.db, participant, {
        conferenceId,
        clientOpId: opId(),
        op: { kind: "card.edit", cardId, text: "übernommen" },
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      applyBoardOperation(handle.db, participant, {
        conferenceId,
        clientOpId: opId(),
        op: { kind: "card.move", cardId, lane: "cluster-1", orderKey: "a2" },
      }),
    ).resolves.toBeDefined();
    await applyBoardOperation(handle.db, moderator, { conferenceId, clientOpId: opId(), op: { kind: "board.lock", locked: true } });
    await expect(
      applyBoardOperation(handle.db, participant, { conferenceId, clientOpId: opId(), op: { kind: "hand.raise" } }),
    ).resolves.toBeDefined();
    await expect(
      applyBoardOperation(handle.db, participant, {
        conferenceId,
        clientOpId: opId(),
        op: { kind: "card.add", cardId: randomUUID(), lane: "themen", text: "x", orderKey: "a3" },
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(
      applyBoardOperation(handle.db, moderator, { conferenceId, clientOpId: opId(), op: { kind: "card.delete", cardId } }),
    ).resolves.toBeDefined();
    await applyBoardOperation(handle.db, moderator, { conferenceId, clientOpId: opId(), op: { kind: "board.lock", locked: false } });
  });

  it("catches a reconnecting client up from its last sequence number", async () => {
    const before = await getBoardForJoin(handle.db, participant, conferenceId, 0);
    if (!before.ok || before.mode !== "snapshot") throw new Error("expected a snapshot");
    await applyBoardOperation(handle.db, moderator, {
      conferenceId,
      clientOpId: opId(),
      op: { kind: "card.add", cardId: randomUUID(), lane: "ideen", text: "Patenschaften", orderKey: "b0" },
    });
    const after = await getBoardForJoin(handle.db, participant, conferenceId, before.seq);
    expect(after).toMatchObject({ ok: true, mode: "operations", seq: before.seq + 1 });
    let state: BoardState = { cards: new Map(before.cards.map((c) => [c.id, c])), meta: before.meta };
    if (after.ok && after.mode === "operations") for (const op of after.operations) state = applyOperation(state, op);
    expect(sortCards([...state.cards.values()])).toEqual(sortCards(await listBoardCards(handle.db, conferenceId)));
    expect(state.meta).toEqual(await serverMeta());
  });

  describe("through socket.io", () => {
    let stopServer: () => Promise<void>;
    let url: string;
    const sockets: ClientSocket[] = [];

    beforeAll(async () => {
      ({ url, close: stopServer } = await startTestSocketServer(handle));
    });
    afterAll(async () => {
      for (const socket of sockets) socket.disconnect();
      await stopServer();
    });

    async function cookieFor(actor: Actor) {
      return await sessionCookieFor(actor.userId, secret);
    }

    /** A simulated participant: joins, keeps its own board from acks and broadcasts, retries on reconnect. */
    async function simulatedClient(actor: Actor) {
      const socket: ClientSocket = connect(url, {
        path: "/socket.io",
        transports: ["websocket"],
        extraHeaders: { origin: url, cookie: await cookieFor(actor) },
      });
      sockets.push(socket);
      const state = {
        board: { cards: new Map<string, BoardCard>(), meta: emptyBoardMeta } as BoardState,
        seq: 0,
        buffered: [] as AppliedOperation[],
      };
      let gapTimer: ReturnType<typeof setTimeout> | undefined;
      const applyInOrder = () => {
        state.buffered.sort((a, b) => a.seq - b.seq);
        while (state.buffered[0] && state.buffered[0].seq <= state.seq + 1) {
          const next = state.buffered.shift()!;
          if (next.seq === state.seq + 1) {
            state.board = applyOperation(state.board, next);
            state.seq = next.seq;
          }
        }
        // Like the browser: a number that does not arrive soon is fetched by joining again.
        clearTimeout(gapTimer);
        if (state.buffered.length > 0) gapTimer = setTimeout(() => void join(), 300);
      };
      socket.on("board:applied", (applied) => {
        state.buffered.push(applied);
        applyInOrder();
      });
      const join = () =>
        new Promise<void>((resolve) =>
          socket.emit("board:join", { conferenceId, afterSeq: state.seq }, (ack: BoardJoinAck) => {
            if (!ack.ok) throw new Error(ack.message);
            if (ack.mode === "snapshot") {
              state.board = { cards: new Map(ack.cards.map((c) => [c.id, c])), meta: ack.meta };
              state.seq = ack.seq;
            } else state.buffered.push(...ack.operations);
            applyInOrder();
            resolve();
          }),
        );
      socket.on("connect", () => void join());
      await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
      await join();
      const send = (op: BoardOperation, clientOpId = opId()) =>
        new Promise<BoardOpAck>((resolve) => {
          const attempt = () => {
            if (!socket.connected) return void setTimeout(attempt, 20);
            // The ack may be lost with the connection; the same client id makes the retry safe.
            socket
              .timeout(2000)
              .emit("board:op", { conferenceId, clientOpId, op }, (error: Error | null, ack: BoardOpAck) =>
                error ? attempt() : resolve(ack),
              );
          };
          attempt();
        });
      return { socket, state, send, join };
    }

    let clusterId: string;
    beforeAll(async () => {
      clusterId = randomUUID();
      await applyBoardOperation(handle.db, moderator, {
        conferenceId,
        clientOpId: opId(),
        op: { kind: "cluster.add", clusterId, title: "Wohnen", orderKey: "a0" },
      });
    });

    it(
      "converges: 30 clients with concurrent random operations and random disconnects all end with the database's board",
      { timeout: 60_000 },
      async () => {
        const actors = [moderator, participant];
        const clients = await Promise.all(Array.from({ length: 30 }, (_, i) => simulatedClient(actors[i % 2]!)));
        const myCards = clients.map(() => [] as string[]);
        let random = 42;
        const next = () => (random = (random * 1103515245 + 12345) % 2147483648) / 2147483648;

        await Promise.all(
          clients.map(async (client, index) => {
            for (let step = 0; step < 12; step++) {
              const roll = next();
              if (roll < 0.08) {
                client.socket.io.engine.close();
                continue;
              }
              if (roll < 0.14) {
                // Dots go up and down; the budget of three keeps some of them refused.
                const ack = await client.send({
                  kind: "vote.set",
                  targetId: myCards[index]![0] ?? clusterId,
                  dots: Math.floor(next() * 3),
                });
                // Participants may not vote outside the voting phase; a refusal must name the reason.
                expect(ack.ok || /Punkte|Phase/.test(ack.message)).toBe(true);
                continue;
              }
              const own = myCards[index]!;
              let op: BoardOperation;
              if (own.length === 0 || roll < 0.5) {
                const cardId = randomUUID();
                own.push(cardId);
                op = {
                  kind: "card.add",
                  cardId,
                  lane: next() < 0.5 ? "themen" : "ideen",
                  text: `Karte ${index}-${step}`,
                  orderKey: generateKeyBetween(null, null) + String(index).padStart(2, "0"),
                  caseId: null,
                  perspective: null,
                };
              } else if (roll < 0.7) {
                op = { kind: "card.edit", cardId: own[Math.floor(next() * own.length)]!, text: `geändert ${index}-${step}` };
              } else if (roll < 0.9) {
                op = {
                  kind: "card.move",
                  cardId: own[Math.floor(next() * own.length)]!,
                  lane: `cluster-${step % 3}`,
                  orderKey: `b${step}`,
                };
              } else {
                op = { kind: "card.delete", cardId: own.pop()! };
              }
              const ack = await client.send(op);
              expect(ack.ok).toBe(true);
            }
          }),
        );
        const serverCards = sortCards(await listBoardCards(handle.db, conferenceId));
        const [{ lastSeq }] = (await handle.db
          .select({ lastSeq: conferences.lastSeq })
          .from(conferences)
          .where(eq(conferences.id, conferenceId))) as [{ lastSeq: number }];
        await expect.poll(() => clients.every((c) => c.socket.connected && c.state.seq === lastSeq), { timeout: 30_000 }).toBe(true);
        const meta = await serverMeta();
        for (const client of clients) {
          expect(sortCards([...client.state.board.cards.values()])).toEqual(serverCards);
          expect(client.state.board.meta).toEqual(meta);
        }
        const operations = await handle.db.select().from(boardOperations).where(eq(boardOperations.conferenceId, conferenceId));
        expect(new Set(operations.map((o) => o.seq)).size).toBe(operations.length);
        expect(Math.max(...operations.map((o) => o.seq))).toBe(lastSeq);
        // The sequential model: replaying the stored operations in order from an empty board gives the
        // database's board exactly.
        let model: BoardState = { cards: new Map(), meta: emptyBoardMeta };
        for (const row of [...operations].sort((a, b) => a.seq - b.seq)) {
          model = applyOperation(model, {
            seq: row.seq,
            actorUserId: row.actorUserId,
            op: { kind: row.kind, ...row.payload } as AppliedOperation["op"],
          });
        }
        expect(sortCards([...model.cards.values()])).toEqual(serverCards);
        expect(model.meta).toEqual(meta);
      },
    );

    it("refuses a non-participant's join with a German message", async () => {
      const client = connect(url, {
        path: "/socket.io",
        transports: ["websocket"],
        extraHeaders: { origin: url, cookie: await cookieFor(outsider) },
      });
      sockets.push(client);
      const ack = await new Promise<BoardJoinAck>((resolve) => client.emit("board:join", { conferenceId, afterSeq: 0 }, resolve));
      expect(ack).toEqual({ ok: false, message: "Der Eintrag wurde nicht gefunden." });
    });
  });
});

function sortCards(cards: BoardCard[]) {
  // The server's own list is unredacted; these viewers are all released for what they see. The
  // abilities each viewer gets with a card are not part of the board itself.
  return [...cards].map((card) => ({ ...card, abilities: undefined })).sort((a, b) => a.id.localeCompare(b.id));
}
