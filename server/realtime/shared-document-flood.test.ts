import * as Y from "yjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import type { DocumentSocket } from "@/components/shared-documents/use-shared-document";
import type { Actor } from "../auth/policy";
import { decodeBase64, encodeBase64, type DocJoinAck, type DocUpdateAck } from "../schemas/shared-documents";
import { createTestDatabase } from "../test/database";
import { createConference } from "../test/conference-factories";
import { createActor, createTenant } from "../test/factories";
import { documentField } from "../shared-documents/structure";
import { readSharedDocumentText } from "../shared-documents/rich-text";
import { connectAs, startTestSocketServer } from "../test/socket-server";

const secret = "shared-document-flood-test-secret-with-length-0123";
process.env.NEXTAUTH_SECRET = secret;

const tooMuchAtOnce = "Sie haben in kurzer Zeit sehr viel Text eingefügt. Bitte warten Sie einen Moment, bevor Sie weiteren Text einfügen.";
const tooLong = "Der Text ist zu lang geworden. Bitte kürzen Sie ihn.";

/** One participant cannot freeze the shared notes for everyone else. */
describe("shared notes under a participant who floods them", () => {
  let handle: DatabaseHandle;
  let stopServer: () => Promise<void>;
  let url: string;
  let moderator: Actor;
  let vandal: Actor;
  const accomplices: Actor[] = [];
  let writer: Actor;
  const sockets: DocumentSocket[] = [];

  beforeAll(async () => {
    handle = await createTestDatabase();
    const { tenant } = await createTenant(handle.db);
    moderator = await createActor(handle.db, tenant.id, ["coordinator"]);
    vandal = await createActor(handle.db, tenant.id, ["network_actor"]);
    writer = await createActor(handle.db, tenant.id, ["case_manager"]);
    for (let i = 0; i < 4; i++) accomplices.push(await createActor(handle.db, tenant.id, ["network_actor"]));
    ({ url, close: stopServer } = await startTestSocketServer(handle));
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await stopServer();
    await handle.close();
  });

  /** A participant's copy of a conference's notes; `change` edits it and sends exactly that change. */
  async function notesOf(actor: Actor, conferenceId: string) {
    const socket = await connectAs<DocumentSocket>(url, actor.userId, secret);
    sockets.push(socket);
    let doc = new Y.Doc();
    // What the browser does on a refusal too: throw its copy away and load the stored text.
    const load = async () => {
      const joined = await new Promise<DocJoinAck>((resolve) => socket.emit("doc:join", { conferenceId, key: "notes" }, resolve));
      if (!joined.ok) throw new Error(joined.message);
      doc = new Y.Doc();
      Y.applyUpdate(doc, decodeBase64(joined.update));
    };
    await load();
    const change = async (edit: (fragment: Y.XmlFragment) => void): Promise<DocUpdateAck> => {
      let update: Uint8Array | undefined;
      const capture = (u: Uint8Array) => (update = update ? Y.mergeUpdates([update, u]) : u);
      doc.on("update", capture);
      doc.transact(() => edit(doc.getXmlFragment(documentField)));
      doc.off("update", capture);
      for (;;) {
        const ack = await new Promise<DocUpdateAck>((resolve) =>
          socket.emit("doc:update", { conferenceId, key: "notes", update: encodeBase64(update!) }, resolve),
        );
        // Too fast: the browser would send it again a moment later.
        if (ack.ok && !ack.stored) await new Promise((resolve) => setTimeout(resolve, 100));
        else {
          if (!ack.ok) await load();
          return ack;
        }
      }
    };
    return { change };
  }

  const paragraph = (text: string) => (fragment: Y.XmlFragment) => {
    const element = new Y.XmlElement("paragraph");
    element.insert(0, [new Y.XmlText(text)]);
    fragment.insert(fragment.length, [element]);
  };

  async function meeting() {
    const participants = [vandal, writer, ...accomplices];
    return (await createConference(handle.db, { planner: moderator, type: "planungskonferenz", participants })).id;
  }

  it("stops the one who pastes page after page, while the others go on writing", { timeout: 60_000 }, async () => {
    const conferenceId = await meeting();
    const vandalNotes = await notesOf(vandal, conferenceId);
    const writerNotes = await notesOf(writer, conferenceId);
    let answer: DocUpdateAck = { ok: true, stored: true };
    for (let i = 0; i < 40 && answer.ok; i++) answer = await vandalNotes.change(paragraph(`${i} ${"x".repeat(30_000)}`));
    expect(answer).toEqual({ ok: false, message: tooMuchAtOnce });

    expect(await writerNotes.change(paragraph("Protokoll geht weiter"))).toEqual({ ok: true, stored: true });
    expect(await readSharedDocumentText(handle.db, { conferenceId, key: "notes" })).toContain("Protokoll geht weiter");
  });

  it("lets anyone delete from a document that was filled to its limit, and write again", { timeout: 120_000 }, async () => {
    // Five people acting together fill the document itself up to its limit.
    const conferenceId = await meeting();
    const crowd = await Promise.all([vandal, ...accomplices].map((actor) => notesOf(actor, conferenceId)));
    let last: DocUpdateAck = { ok: true, stored: true };
    // Pages, then lines, then words, until not even a word fits any more.
    for (const size of [30_000, 1_000, 40]) {
      for (const notes of crowd) {
        last = { ok: true, stored: true };
        for (let i = 0; i < 100 && last.ok; i++) last = await notes.change(paragraph(`${i} ${"x".repeat(size)}`));
        expect([tooLong, tooMuchAtOnce]).toContain((last as { message: string }).message);
      }
    }
    expect(last).toEqual({ ok: false, message: tooLong });

    // The writer's copy is the full document; clearing it must go through, and typing after it.
    const writerNotes = await notesOf(writer, conferenceId);
    expect(await writerNotes.change((fragment) => fragment.delete(0, fragment.length))).toEqual({ ok: true, stored: true });
    const fresh = `Neu begonnen: ${"Tagesordnung, Anwesenheit, Beschlüsse. ".repeat(5)}`.trim();
    expect(await writerNotes.change(paragraph(fresh))).toEqual({ ok: true, stored: true });
    expect((await readSharedDocumentText(handle.db, { conferenceId, key: "notes" })).trim()).toBe(fresh);
  });
});
