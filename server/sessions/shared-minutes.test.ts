import { eq } from "drizzle-orm";
import * as Y from "yjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { bodies, bodySessions, sharedDocumentUpdates } from "@/db/schema";
import { SharedDocumentSync, type DocumentSocket } from "@/components/shared-documents/use-shared-document";
import type { Actor } from "../auth/policy";
import { documentToRichText, readSharedDocumentJson, readSharedDocumentText } from "../shared-documents/rich-text";
import { documentField } from "../shared-documents/structure";
import { encodeBase64, type DocJoinAck, type DocUpdateAck } from "../schemas/shared-documents";
import { createTestDatabase } from "../test/database";
import { callerFor, createActor, createTenant } from "../test/factories";
import { connectAs, startTestSocketServer } from "../test/socket-server";
import { charactersOf, typeAtEnd, typeCharacter } from "../test/typing";

const secret = "shared-minutes-test-secret-with-enough-length-012345";
process.env.NEXTAUTH_SECRET = secret;

describe("session minutes written together over socket.io", () => {
  let handle: DatabaseHandle;
  let coordinatorA: Actor;
  let coordinatorB: Actor;
  let member: Actor;
  let otherBodyMember: Actor;
  let caseManager: Actor;
  let foreignCoordinator: Actor;
  let lenkungsgruppe: string;
  let sessionId: string;
  let laterSessionId: string;
  let stopServer: () => Promise<void>;
  let url: string;
  const sockets: DocumentSocket[] = [];
  const syncs: SharedDocumentSync[] = [];
  const socketOf = new Map<SharedDocumentSync, DocumentSocket>();

  beforeAll(async () => {
    handle = await createTestDatabase();
    const { tenant, body } = await createTenant(handle.db);
    lenkungsgruppe = body.id;
    const [arbeitsgruppe] = await handle.db
      .insert(bodies)
      .values({ tenantId: tenant.id, name: "AG Sprache", kind: "arbeitsgruppe" })
      .returning();
    coordinatorA = await createActor(handle.db, tenant.id, ["coordinator"]);
    coordinatorB = await createActor(handle.db, tenant.id, ["coordinator"]);
    member = await createActor(handle.db, tenant.id, [{ role: "body_member", bodyId: lenkungsgruppe }]);
    otherBodyMember = await createActor(handle.db, tenant.id, [{ role: "body_member", bodyId: arbeitsgruppe!.id }]);
    caseManager = await createActor(handle.db, tenant.id, ["case_manager"]);
    foreignCoordinator = await createActor(handle.db, (await createTenant(handle.db)).tenant.id, ["coordinator"]);
    const api = callerFor(handle.db, coordinatorA);
    sessionId = (
      await api.sessions.plan({
        bodyId: lenkungsgruppe,
        title: "Lenkungsgruppe Mai",
        scheduledAt: new Date("2026-05-12T13:00:00Z"),
        place: "Kreishaus",
      })
    ).id;
    laterSessionId = (
      await api.sessions.plan({
        bodyId: lenkungsgruppe,
        title: "Lenkungsgruppe Juli",
        scheduledAt: new Date("2026-07-07T13:00:00Z"),
        place: "Kreishaus",
      })
    ).id;
    ({ url, close: stopServer } = await startTestSocketServer(handle));
  });

  afterAll(async () => {
    for (const sync of syncs) sync.stop();
    for (const socket of sockets) socket.disconnect();
    await stopServer();
    await handle.close();
  });

  const address = () => ({ sessionId, key: "minutes" as const });

  async function socketFor(actor: Actor): Promise<DocumentSocket> {
    const socket = await connectAs<DocumentSocket>(url, actor.userId, secret);
    sockets.push(socket);
    return socket;
  }

  async function open(actor: Actor, forSession = sessionId) {
    const socket = await socketFor(actor);
    const sync = new SharedDocumentSync(socket, { sessionId: forSession, key: "minutes" }, { flushDelayMs: 2 });
    syncs.push(sync);
    socketOf.set(sync, socket);
    await expect.poll(() => sync.getSnapshot().status, { timeout: 5000 }).toBe("saved");
    return sync;
  }

  const join = (socket: DocumentSocket, forSession = sessionId) =>
    new Promise<DocJoinAck>((resolve) => socket.emit("doc:join", { sessionId: forSession, key: "minutes" }, resolve));

  function typedUpdate(text: string): string {
    const doc = new Y.Doc();
    typeAtEnd(doc, text);
    return encodeBase64(Y.encodeStateAsUpdate(doc));
  }

  it("starts from the text kept in the session row, so nothing written before is lost", async () => {
    const kept = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Begrüßung durch die Landrätin. " }] }] };
    await handle.db.update(bodySessions).set({ minutes: kept }).where(eq(bodySessions.id, sessionId));
    const first = await open(coordinatorA);
    expect(first.document.getXmlFragment(documentField).toString()).toContain("Begrüßung durch die Landrätin.");
    expect(await readSharedDocumentJson(handle.db, address())).toEqual(kept);
  });

  it("keeps two coordinators typing at once and the database identical, through a dropped connection", { timeout: 60_000 }, async () => {
    const writers = [syncs[0]!, await open(coordinatorB)];
    const alphabets = ["abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXYZ"];
    const typed = ["", ""];
    let seed = 11;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const before = charactersOf(writers[0]!.document);
    await Promise.all(
      writers.map(async (writer, index) => {
        for (let step = 0; step < 150; step++) {
          const character = alphabets[index]![step % 26]!;
          typeCharacter(writer.document, character, random);
          typed[index] += character;
          if (step === 60 + index * 30) socketOf.get(writer)!.io.engine.close();
          if (random() < 0.7) await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * 4)));
        }
      }),
    );
    await expect.poll(() => writers.every((w) => w.isSettled), { timeout: 20_000 }).toBe(true);
    const [a, b] = writers.map((w) => w.document) as [Y.Doc, Y.Doc];
    await expect
      .poll(() => a.getXmlFragment(documentField).toJSON() === b.getXmlFragment(documentField).toJSON(), { timeout: 10_000 })
      .toBe(true);
    const expected = (before + typed[0]! + typed[1]!).split("").sort().join("");
    expect(charactersOf(a)).toBe(expected);
    // What the session page and the PDF show is what both editors show.
    const text = await readSharedDocumentText(handle.db, address());
    expect(text.replace(/\n/g, "").split("").sort().join("")).toBe(expected);
    const view = await callerFor(handle.db, member).sessions.get({ sessionId });
    expect(view.session.minutes).toEqual(await readSharedDocumentJson(handle.db, address()));
  });

  it("lets members of the body read along live but not write, and everyone else not even read", async () => {
    const reader = await open(member);
    expect(reader.getSnapshot().readOnly).toBe(true);
    typeAtEnd(syncs[0]!.document, " Live-Zeile");
    await expect.poll(() => reader.document.getXmlFragment(documentField).toString(), { timeout: 5000 }).toContain("Live-Zeile");

    const socket = await socketFor(member);
    expect(await join(socket)).toMatchObject({ ok: true, readOnly: true });
    const write = await new Promise<DocUpdateAck>((resolve) =>
      socket.emit("doc:update", { ...address(), update: typedUpdate("Heimlich") }, resolve),
    );
    expect(write).toMatchObject({ ok: false });

    for (const outsider of [otherBodyMember, caseManager, foreignCoordinator]) {
      const outside = await socketFor(outsider);
      expect(await join(outside)).toEqual({ ok: false, message: expect.any(String) });
      const attempt = await new Promise<DocUpdateAck>((resolve) =>
        outside.emit("doc:update", { ...address(), update: typedUpdate("Heimlich") }, resolve),
      );
      expect(attempt.ok).toBe(false);
    }
    // A conference key on a session, or a session key without a session, is not a document.
    expect((await new Promise<DocJoinAck>((resolve) => socket.emit("doc:join", { sessionId, key: "notes" } as never, resolve))).ok).toBe(
      false,
    );
    expect(await readSharedDocumentText(handle.db, address())).not.toContain("Heimlich");
    const written = await handle.db.select({ actor: sharedDocumentUpdates.actorUserId }).from(sharedDocumentUpdates);
    expect(written.map((row) => row.actor)).not.toContain(member.userId);
  });

  it(
    "freezes exactly what is stored when approved while someone is still typing, and refuses every later keystroke",
    { timeout: 30_000 },
    async () => {
      const typist = syncs[1]!;
      let typing = true;
      const keepTyping = (async () => {
        while (typing) {
          typeAtEnd(typist.document, "x");
          await new Promise((resolve) => setTimeout(resolve, 3));
        }
      })();
      await new Promise((resolve) => setTimeout(resolve, 100));
      await callerFor(handle.db, coordinatorA).sessions.approveMinutes({ sessionId, approvingSessionId: laterSessionId });
      await new Promise((resolve) => setTimeout(resolve, 100));
      typing = false;
      await keepTyping;
      // The typist's keystrokes after the approval were refused: the copy is reloaded, read-only.
      await expect.poll(() => typist.getSnapshot().readOnly, { timeout: 10_000 }).toBe(true);
      expect(typist.getSnapshot().generation).toBeGreaterThan(0);
      const [row] = await handle.db.select({ minutes: bodySessions.minutes }).from(bodySessions).where(eq(bodySessions.id, sessionId));
      expect(row!.minutes).toEqual(await readSharedDocumentJson(handle.db, address()));
      // Whoever opens them now gets exactly the frozen text, read-only.
      const reread = await open(coordinatorB);
      expect(reread.getSnapshot().readOnly).toBe(true);
      expect(documentToRichText(reread.document).doc).toEqual(row!.minutes);
      const late = await socketFor(coordinatorA);
      expect(await join(late)).toMatchObject({ ok: true, readOnly: true });
      const refused = await new Promise<DocUpdateAck>((resolve) =>
        late.emit("doc:update", { ...address(), update: typedUpdate("Nachtrag") }, resolve),
      );
      expect(refused).toMatchObject({ ok: false });
      expect(JSON.stringify((await callerFor(handle.db, member).sessions.get({ sessionId })).session.minutes)).not.toContain("Nachtrag");
    },
  );
});
