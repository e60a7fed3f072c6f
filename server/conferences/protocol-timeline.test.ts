import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { organisations } from "@/db/schema";
import type { Actor } from "../auth/policy";
import type { BoardOperation } from "../schemas/board";
import { createTestDatabase } from "../test/database";
import { createCase } from "../test/case-factories";
import { createConference } from "../test/conference-factories";
import { callerFor, createActor, createTenant } from "../test/factories";
import { applyBoardOperation } from "./board";
import { meetingCaseId } from "./meeting-case-ids";
import { protocolPdf } from "./protocol-pdf";

/** A Fallrekonstruktion's protocol keeps its time axis: each card's month, in the order things happened. */
describe("protocol of a timeline", () => {
  let handle: DatabaseHandle;
  let moderator: Actor;
  let uncovered: Actor;
  let conferenceId: string;

  beforeAll(async () => {
    handle = await createTestDatabase();
    const tenant = await createTenant(handle.db);
    const [other] = await handle.db
      .insert(organisations)
      .values({ tenantId: tenant.tenant.id, name: "Jugendamt Zeitachse", kind: "jugendamt" })
      .returning();
    moderator = await createActor(handle.db, tenant.tenant.id, ["coordinator"], { organisationId: tenant.organisation.id });
    const cm = await createActor(handle.db, tenant.tenant.id, ["case_manager"]);
    uncovered = await createActor(handle.db, tenant.tenant.id, ["network_actor"], { organisationId: other!.id });
    const { id: caseId } = await createCase(handle.db, { manager: cm, kommuneId: tenant.kommune.id, consentFor: [tenant.organisation.id] });
    await callerFor(handle.db, cm).cases.saveSummary({ caseId, title: "Weg in Arbeit", body: "Anerkennung des Abschlusses offen." });
    conferenceId = (
      await createConference(handle.db, {
        planner: moderator,
        type: "fallrekonstruktion",
        participants: [cm, uncovered],
        cases: [{ id: caseId, manager: cm }],
      })
    ).id;
    const send = (actor: Actor, op: BoardOperation) =>
      applyBoardOperation(handle.db, actor, { conferenceId, clientOpId: randomUUID().replace(/-/g, ""), op });
    await send(moderator, { kind: "phase.set", index: 1 });
    const card = (lane: string, text: string, orderKey: string, month: string | null, onCase = false): BoardOperation => ({
      kind: "card.add",
      cardId: randomUUID(),
      lane,
      text,
      orderKey,
      caseId: onCase ? meetingCaseId(conferenceId, caseId) : null,
      perspective: null,
      month,
    });
    // Pinned in another order than they happened.
    await send(cm, card("verlauf", "Arbeitsvertrag unterschrieben", "a0", "2025-06"));
    await send(cm, card("verlauf", "Ankunft im Kreis", "a1", "2023-02", true));
    await send(cm, card("verlauf", "Erstes Gespräch, Datum offen", "a2", null));
    await send(cm, card("barrieren", "Wartezeit auf den Sprachkurs", "a0", "2023-09"));
    await callerFor(handle.db, moderator).conferences.protocol.generate({ conferenceId });
  });
  afterAll(() => handle.close());

  it("lists the course by month with each card's month, undated cards last, and renders it as a PDF", async () => {
    const protocol = await callerFor(handle.db, moderator).conferences.protocol.get({ conferenceId, version: 1 });
    const verlauf = protocol.lanes.find((lane) => lane.lane === "verlauf")!;
    expect(verlauf.cards.map((c) => [c.text, c.month])).toEqual([
      ["Ankunft im Kreis", "2023-02"],
      ["Arbeitsvertrag unterschrieben", "2025-06"],
      ["Erstes Gespräch, Datum offen", null],
    ]);
    expect(protocol.lanes.find((lane) => lane.lane === "barrieren")!.cards).toMatchObject([
      { text: "Wartezeit auf den Sprachkurs", month: "2023-09" },
    ]);
    expect((await protocolPdf(protocol)).subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("withholds the month of a case card with its text from a participant the consent does not cover", async () => {
    const protocol = await callerFor(handle.db, uncovered).conferences.protocol.get({ conferenceId, version: 1 });
    const verlauf = protocol.lanes.find((lane) => lane.lane === "verlauf")!;
    expect(verlauf.cards.map((c) => [c.text, c.month ?? null, c.restricted])).toEqual([
      ["", null, true],
      ["Arbeitsvertrag unterschrieben", "2025-06", false],
      ["Erstes Gespräch, Datum offen", null, false],
    ]);
  });
});
