import { randomUUID } from "node:crypto";
import * as Y from "yjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import type { Actor } from "../auth/policy";
import type { BoardOperation } from "../schemas/board";
import type { SharedDocumentKey } from "../schemas/shared-documents";
import { applySharedDocumentUpdate } from "../shared-documents/apply-document-update";
import { readSharedDocumentText } from "../shared-documents/rich-text";
import { documentField } from "../shared-documents/structure";
import { createCase } from "../test/case-factories";
import { createTestDatabase } from "../test/database";
import { createConference } from "../test/conference-factories";
import { callerFor, createActor, createTenant } from "../test/factories";
import { applyBoardOperation } from "./board";
import { conferenceDocumentAccess } from "./conference-documents";

const opId = () => randomUUID().replace(/-/g, "");

/**
 * Every text written in a conference is checked against the Aktendeckblatt of each case on its
 * agenda, in the spelling a person would use: the case's person is stored in Cyrillic script, her
 * son and her lawyer only in the free-text fields.
 */
describe("identity values in the texts of a conference", () => {
  let handle: DatabaseHandle;
  let tenant: Awaited<ReturnType<typeof createTenant>>;
  let moderator: Actor;
  let cm: Actor;
  let caseId: string;
  let planning: string;
  let fallkonferenz: string;

  const send = (conferenceId: string, actor: Actor, op: BoardOperation) =>
    applyBoardOperation(handle.db, actor, { conferenceId, clientOpId: opId(), op });

  beforeAll(async () => {
    handle = await createTestDatabase();
    tenant = await createTenant(handle.db);
    moderator = await createActor(handle.db, tenant.tenant.id, ["coordinator"], { organisationId: tenant.organisation.id });
    cm = await createActor(handle.db, tenant.tenant.id, ["case_manager"]);
    const created = await createCase(handle.db, {
      manager: cm,
      kommuneId: tenant.kommune.id,
      consentFor: [tenant.organisation.id],
      identity: {
        lastName: "Петренко",
        firstName: "Ольга",
        birthDate: "1984-01-01",
        relatives: "Sohn Iwan Petrenko (9 Jahre)",
        legalAdviser: "Rechtsanwältin Brüggemann",
      },
    });
    caseId = created.id;
    await callerFor(handle.db, cm).cases.saveSummary({ caseId, title: "Wohnungssuche", body: "Eine Mutter sucht eine Wohnung." });
    const cases = [{ id: caseId, manager: cm }];
    planning = (await createConference(handle.db, { planner: moderator, type: "planungskonferenz", participants: [cm], cases })).id;
    fallkonferenz = (await createConference(handle.db, { planner: moderator, type: "fallkonferenz", participants: [cm], cases })).id;
  });
  afterAll(() => handle.close());

  it("refuses a card naming the person in Latin letters though the file has her in Cyrillic", async () => {
    await send(planning, moderator, { kind: "phase.set", index: 1 });
    const card = (text: string): BoardOperation => ({
      kind: "card.add",
      cardId: randomUUID(),
      lane: "themen",
      text,
      orderKey: `a${opId().slice(0, 6)}`,
      caseId: null,
      perspective: null,
    });
    await expect(send(planning, cm, card("Frau Petrenko hat keine Wohnung"))).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: "conferences.board.cardContainsIdentity",
      // The son carries the family name too.
      values: { fields: "Name, Partner*in / Eltern / Kinder" },
    });
    await expect(send(planning, cm, card("Eine Mutter hat keine Wohnung"))).resolves.toBeDefined();
  });

  it("refuses a cluster title, added or renamed, that names the son or the lawyer", async () => {
    await send(planning, moderator, { kind: "phase.set", index: 2 });
    const clusterId = randomUUID();
    await expect(send(planning, cm, { kind: "cluster.add", clusterId, title: "Schule für Iwan", orderKey: "a0" })).rejects.toMatchObject({
      message: "conferences.board.clusterTitleContainsIdentity",
      values: { fields: "Partner*in / Eltern / Kinder" },
    });
    await send(planning, cm, { kind: "cluster.add", clusterId, title: "Schule", orderKey: "a0" });
    await expect(send(planning, cm, { kind: "cluster.rename", clusterId, title: "Anwältin Brueggemann" })).rejects.toMatchObject({
      message: "conferences.board.clusterTitleContainsIdentity",
      values: { fields: "Rechtsberatung / gesetzliche Betreuung" },
    });
  });

  it("refuses to start a formulation whose title names the person", async () => {
    const clusterId = randomUUID();
    await send(planning, cm, { kind: "cluster.add", clusterId, title: "Wohnen", orderKey: "b0" });
    await expect(
      callerFor(handle.db, moderator).conferences.formulations.start({ conferenceId: planning, clusterId, title: "Wohnung für Olga" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("(Vorname)") });
    await expect(
      callerFor(handle.db, moderator).conferences.formulations.start({ conferenceId: planning, clusterId, title: "Wohnraum für Familien" }),
    ).resolves.toBeDefined();
  });

  it("refuses a change of the shared notes that names the person, and keeps what was there", async () => {
    const write = async (text: string) => {
      const doc = new Y.Doc();
      const paragraph = new Y.XmlElement("paragraph");
      paragraph.insert(0, [new Y.XmlText(text)]);
      doc.getXmlFragment(documentField).insert(0, [paragraph]);
      return applySharedDocumentUpdate(
        handle.db,
        cm,
        { conferenceId: fallkonferenz, key: "notes" as SharedDocumentKey, update: Y.encodeStateAsUpdate(doc) },
        conferenceDocumentAccess,
      );
    };
    await expect(write("Frau PETRENKO kommt später")).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: "formulations.documents.containsIdentity",
    });
    await expect(write("Die Familie kommt später")).resolves.toEqual({ changed: true });
    expect(await readSharedDocumentText(handle.db, { conferenceId: fallkonferenz, key: "notes" as SharedDocumentKey })).toBe(
      "Die Familie kommt später",
    );
  });

  it("refuses a work package whose task, or a report on it, names the son", async () => {
    const input = (task: string) => ({
      conferenceId: fallkonferenz,
      task,
      // A package without a case: the task is checked against every case on the agenda all the same.
      caseId: null,
      responsibleOrganisationId: tenant.organisation.id,
      dueDate: "2099-01-01",
    });
    await expect(callerFor(handle.db, moderator).workPackages.create(input("Iwan an der Schule anmelden"))).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message:
        "Die Aufgabe enthält Angaben aus einem Aktendeckblatt (Partner*in / Eltern / Kinder). Bitte beschreiben Sie sie ohne identifizierende Angaben.",
    });
    const created = await callerFor(handle.db, moderator).workPackages.create(input("Das Kind an der Schule anmelden"));
    await expect(
      callerFor(handle.db, moderator).workPackages.report({
        workPackageId: created.id,
        status: "in_progress",
        note: "Iwan ist angemeldet",
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("(Partner*in / Eltern / Kinder)") });
  });

  it("does not put a case on the agenda of a conference whose title names the person", async () => {
    const other = await createCase(handle.db, { manager: cm, identity: { lastName: "Weißmüller", firstName: "Jan" } });
    await callerFor(handle.db, cm).cases.saveSummary({ caseId: other.id, title: "Arbeit", body: "Sucht Arbeit." });
    const titled = await createConference(handle.db, {
      planner: moderator,
      type: "fallkonferenz",
      title: "Fallkonferenz Weissmueller",
      participants: [cm],
    });
    await expect(callerFor(handle.db, cm).conferences.addCase({ conferenceId: titled.id, caseId: other.id })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Der Fall kann nicht auf die Tagesordnung: Der Titel der Konferenz enthält Angaben aus seinem Aktendeckblatt (Name).",
    });
  });
});
