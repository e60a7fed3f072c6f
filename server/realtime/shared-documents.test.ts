import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import * as Y from "yjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { conferences, sharedDocuments, sharedDocumentUpdates } from "@/db/schema";
import { SharedDocumentSync, type DocumentSocket } from "@/components/shared-documents/use-shared-document";
import type { Actor } from "../auth/policy";
import { createConference } from "../conferences/conferences";
import { finaliseFormulation, startFormulation, voteOnFormulation } from "../conferences/formulations";
import { emptyBoardMeta } from "../schemas/board";
import { encodeBase64, type DocJoinAck, type DocUpdateAck, type SharedDocumentKey } from "../schemas/shared-documents";
import { createTestDatabase } from "../test/database";
import { createActor, createTenant } from "../test/factories";
import { documentField } from "../shared-documents/structure";
import { loadSharedDocument, sharedDocumentSettings } from "../shared-documents/storage";
import { readSharedDocumentJson, readSharedDocumentText } from "../shared-documents/rich-text";
import { connectAs, startTestSocketServer } from "../test/socket-server";
import { charactersOf, typeAtEnd, typeCharacter } from "../test/typing";

const secret = "shared-documents-test-secret-with-enough-length-0123";
process.env.NEXTAUTH_SECRET = secret;

const notFound = "Der Eintrag wurde nicht gefunden.";

describe("shared documents over socket.io", () => {
  let handle: DatabaseHandle;
  let moderator: Actor;
  let participant: Actor;
  let outsider: Actor;
  let foreign: Actor;
  let conferenceId: string;
  let stopServer: () => Promise<void>;
  let url: string;
  const sockets: DocumentSocket[] = [];
  const syncs: SharedDocumentSync[] = [];

  beforeAll(async () => {
    handle = await createTestDatabase();
    const { tenant } = await createTenant(handle.db);
    moderator = await createActor(handle.db, tenant.id, ["coordinator"]);
    participant = await createActor(handle.db, tenant.id, ["network_actor"]);
    outsider = await createActor(handle.db, tenant.id, ["case_manager"]);
    foreign = await createActor(handle.db, (await createTenant(handle.db)).tenant.id, ["coordinator"]);
    const conference = await createConference(handle.db, moderator, {
      type: "planungskonferenz",
      title: "Planungskonferenz Süd",
      kommuneId: null,
      scheduledAt: new Date("2026-11-10T09:00:00Z"),
      place: "Rathaus",
      isOnline: false,
      participantUserIds: [participant.userId],
      previousConferenceId: null,
    });
    conferenceId = conference.id;

    ({ url, close: stopServer } = await startTestSocketServer(handle));
  });

  afterAll(async () => {
    for (const sync of syncs) sync.stop();
    for (const socket of sockets) socket.disconnect();
    await stopServer();
    await handle.close();
  });

  async function socketFor(actor: Actor): Promise<DocumentSocket> {
    const socket = await connectAs<DocumentSocket>(url, actor.userId, secret);
    sockets.push(socket);
    return socket;
  }

  const socketOf = new Map<SharedDocumentSync, DocumentSocket>();

  async function editor(actor: Actor, key: SharedDocumentKey) {
    const socket = await socketFor(actor);
    const sync = new SharedDocumentSync(socket, { conferenceId, key }, { flushDelayMs: 2 });
    syncs.push(sync);
    socketOf.set(sync, socket);
    await expect.poll(() => sync.getSnapshot().status, { timeout: 5000 }).toBe("saved");
    return sync;
  }

  async function addCluster(title: string) {
    const clusterId = randomUUID();
    const [row] = await handle.db.select({ boardMeta: conferences.boardMeta }).from(conferences).where(eq(conferences.id, conferenceId));
    const meta = { ...emptyBoardMeta, ...row!.boardMeta };
    await handle.db
      .update(conferences)
      .set({ boardMeta: { ...meta, clusters: { ...meta.clusters, [clusterId]: { title, orderKey: "a0" } } } })
      .where(eq(conferences.id, conferenceId));
    return clusterId;
  }

  async function storedDoc(key: string) {
    const [document] = await handle.db.select().from(sharedDocuments).where(eq(sharedDocuments.key, key));
    return { document: document!, doc: (await loadSharedDocument(handle.db, document!)).doc };
  }

  it(
    "keeps two concurrent writers and the database identical, through disconnects, without losing a keystroke",
    { timeout: 60_000 },
    async () => {
      // Low thresholds: the updates are compacted several times, and the rate limit turns some away
      // (the writers then sync again without losing anything).
      sharedDocumentSettings.compactEvery = 20;
      sharedDocumentSettings.updatesPerSecond = 12;
      const writers = [await editor(moderator, "notes"), await editor(participant, "notes")];
      let reconnects = 0;
      for (const writer of writers) socketOf.get(writer)!.io.on("reconnect", () => (reconnects += 1));
      const alphabets = ["abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXYZ"];
      const typed = ["", ""];
      let seed = 7;
      const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;

      await Promise.all(
        writers.map(async (writer, index) => {
          for (let step = 0; step < 300; step++) {
            const character = alphabets[index]![step % 26]!;
            typeCharacter(writer.document, character, random);
            typed[index] += character;
            // Drop the connection now and then; typing goes on while it reconnects.
            if (random() < 0.015) socketOf.get(writer)!.io.engine.close();
            if (random() < 0.8) await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * 5)));
          }
        }),
      );

      await expect.poll(() => writers.every((w) => w.isSettled), { timeout: 20_000 }).toBe(true);
      // Nothing was refused for good, so neither writer had to throw its copy away.
      expect(writers.map((w) => w.getSnapshot().generation)).toEqual([0, 0]);
      const [first, second] = writers.map((w) => w.document) as [Y.Doc, Y.Doc];
      await expect
        .poll(() => first.getXmlFragment(documentField).toJSON() === second.getXmlFragment(documentField).toJSON(), { timeout: 10_000 })
        .toBe(true);
      const expected = (typed[0]! + typed[1]!).split("").sort().join("");
      expect(charactersOf(first)).toBe(expected);
      expect(reconnects).toBeGreaterThan(0);
      sharedDocumentSettings.compactEvery = 200;
      sharedDocumentSettings.updatesPerSecond = 40;

      const { document, doc: stored } = await storedDoc("notes");
      expect(stored.getXmlFragment(documentField).toJSON()).toBe(first.getXmlFragment(documentField).toJSON());
      expect(charactersOf(stored)).toBe(expected);
      // Compaction ran: the state holds merged updates and fewer than its threshold are left as rows.
      expect(document.state).not.toBeNull();
      expect(
        (
          await handle.db
            .select({ id: sharedDocumentUpdates.id })
            .from(sharedDocumentUpdates)
            .where(eq(sharedDocumentUpdates.documentId, document.id))
        ).length,
      ).toBeLessThan(20);

      const text = await readSharedDocumentText(handle.db, { conferenceId, key: "notes" });
      expect(text.replace(/\n/g, "").split("").sort().join("")).toBe(expected);
      expect((await readSharedDocumentJson(handle.db, { conferenceId, key: "notes" })).type).toBe("doc");
    },
  );

  it("lets no one but participants join or write, and says no more than 'not found'", async () => {
    const update = (() => {
      const doc = new Y.Doc();
      typeCharacter(doc, "x", Math.random);
      return encodeBase64(Y.encodeStateAsUpdate(doc));
    })();
    for (const actor of [outsider, foreign]) {
      const socket = await socketFor(actor);
      const join = await new Promise<DocJoinAck>((resolve) => socket.emit("doc:join", { conferenceId, key: "notes" }, resolve));
      expect(join).toEqual({ ok: false, message: notFound });
      const write = await new Promise<DocUpdateAck>((resolve) =>
        socket.emit("doc:update", { conferenceId, key: "notes", update }, resolve),
      );
      expect(write).toEqual({ ok: false, message: notFound });
    }
    const socket = await socketFor(participant);
    const unknown = await new Promise<DocJoinAck>((resolve) =>
      socket.emit("doc:join", { conferenceId, key: `formulation:${randomUUID()}` }, resolve),
    );
    expect(unknown).toEqual({ ok: false, message: notFound });
    const badKey = await new Promise<DocJoinAck>((resolve) => socket.emit("doc:join", { conferenceId, key: "../notes" } as never, resolve));
    expect(badKey.ok).toBe(false);
    const rows = await handle.db.select().from(sharedDocumentUpdates).where(eq(sharedDocumentUpdates.actorUserId, outsider.userId));
    expect(rows).toHaveLength(0);
  });

  it("refuses updates that could not come from the editor", async () => {
    const socket = await socketFor(participant);
    const send = (doc: Y.Doc) =>
      new Promise<DocUpdateAck>((resolve) =>
        socket.emit("doc:update", { conferenceId, key: "notes", update: encodeBase64(Y.encodeStateAsUpdate(doc)) }, resolve),
      );
    const script = new Y.Doc();
    const element = new Y.XmlElement("script");
    element.insert(0, [new Y.XmlText("alert(1)")]);
    script.getXmlFragment(documentField).insert(0, [element]);
    expect(await send(script)).toMatchObject({
      ok: false,
      message: "Die Änderung konnte nicht gelesen werden. Der Text wird neu geladen.",
    });

    const handler = new Y.Doc();
    const paragraph = new Y.XmlElement("paragraph");
    paragraph.setAttribute("onclick", "alert(1)");
    handler.getXmlFragment(documentField).insert(0, [paragraph]);
    expect((await send(handler)).ok).toBe(false);

    // Allowed pieces in a shape no editor produces: a bare value inside a paragraph.
    const bare = new Y.Doc();
    const holder = new Y.XmlElement("paragraph");
    bare.getXmlFragment(documentField).insert(0, [holder]);
    (holder as unknown as Y.Array<unknown>).insert(0, ["lose"]);
    expect((await send(bare)).ok).toBe(false);

    const otherRoot = new Y.Doc();
    otherRoot.getMap("secrets").set("x", "y");
    expect((await send(otherRoot)).ok).toBe(false);

    const garbage = await new Promise<DocUpdateAck>((resolve) =>
      socket.emit(
        "doc:update",
        { conferenceId, key: "notes", update: encodeBase64(new Uint8Array([1, 200, 5, 255, 255, 255, 255, 0x7f])) },
        resolve,
      ),
    );
    expect(garbage.ok).toBe(false);

    const huge = new Y.Doc();
    const text = new Y.XmlText();
    const big = new Y.XmlElement("paragraph");
    big.insert(0, [text]);
    huge.getXmlFragment(documentField).insert(0, [big]);
    text.insert(0, "x".repeat(40_000));
    expect((await send(huge)).ok).toBe(false);
    expect(await readSharedDocumentText(handle.db, { conferenceId, key: "notes" })).not.toContain("alert");
  });

  it("disconnects a client that floods updates faster than they can be stored", async () => {
    const socket = await socketFor(participant);
    const disconnected = new Promise<void>((resolve) => socket.once("disconnect", () => resolve()));
    const doc = new Y.Doc();
    typeAtEnd(doc, "x");
    const update = encodeBase64(Y.encodeStateAsUpdate(doc));
    for (let i = 0; i < 150; i++) socket.emit("doc:update", { conferenceId, key: "notes", update }, () => undefined);
    await disconnected;
    expect(socket.connected).toBe(false);
    socket.io.reconnection(false);
  });

  it("freezes a finalised formulation: its document refuses every further change", { timeout: 20_000 }, async () => {
    const clusterId = await addCluster("Wohnraum");
    const { id: formulationId, documentKey } = await startFormulation(handle.db, moderator, { conferenceId, clusterId, title: "" });
    const key = documentKey as SharedDocumentKey;
    const [writerA, writerB] = [await editor(moderator, key), await editor(participant, key)];
    typeAtEnd(writerA.document, "Wohnraum fehlt");
    await expect
      .poll(() => writerA.isSettled && writerB.document.getXmlFragment(documentField).toJSON().includes("Wohnraum fehlt"), {
        timeout: 5000,
      })
      .toBe(true);

    await voteOnFormulation(handle.db, participant, { formulationId, vote: "agree" });
    await finaliseFormulation(handle.db, moderator, formulationId);
    const before = await handle.db.select().from(sharedDocumentUpdates);

    typeAtEnd(writerB.document, "!");
    // Refused: the local copy is replaced by the stored one, which is read-only now.
    await expect.poll(() => writerB.getSnapshot().readOnly, { timeout: 5000 }).toBe(true);
    expect(writerB.getSnapshot().error).toBe("Diese Formulierung ist abgeschlossen und kann nicht mehr geändert werden.");
    expect(writerB.document.getXmlFragment(documentField).toJSON()).not.toContain("!");
    expect(await handle.db.select().from(sharedDocumentUpdates)).toHaveLength(before.length);
    expect(await readSharedDocumentText(handle.db, { conferenceId, key })).toBe("Wohnraum fehlt");
  });
});
