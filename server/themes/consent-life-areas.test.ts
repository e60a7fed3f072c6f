import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import * as Y from "yjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { boardCards, organisations } from "@/db/schema";
import type { Actor } from "../auth/policy";
import { applyBoardOperation } from "../conferences/board";
import { conferenceDocumentAccess } from "../conferences/conference-documents";
import { meetingCaseId } from "../conferences/meeting-case-ids";
import type { BoardOperation } from "../schemas/board";
import type { LifeArea } from "../schemas/case-kinds";
import type { SharedDocumentKey } from "../schemas/shared-documents";
import { applySharedDocumentUpdate } from "../shared-documents/apply-document-update";
import { documentField } from "../shared-documents/structure";
import { createCase } from "../test/case-factories";
import { createConference } from "../test/conference-factories";
import { createTestDatabase } from "../test/database";
import { callerFor, createActor, createTenant } from "../test/factories";
import { insertTheme } from "../test/theme-factories";

const healthText = "Kinder warten monatelang auf einen Therapieplatz";
const housingText = "Große Familien finden keine bezahlbare Wohnung";
const untaggedText = "Viele Termine bei vielen Stellen gleichzeitig";
const withheld = "(zurückgehalten)";

describe("theme sources from case cards follow the life areas the case's consent names", () => {
  let handle: DatabaseHandle;
  let cm: Actor;
  let housingCm: Actor;
  let wholeCaseCm: Actor;
  let themeId: string;
  let formulatedThemeId: string;
  let healthCardId: string;

  beforeAll(async () => {
    handle = await createTestDatabase();
    const tenant = await createTenant(handle.db);
    const housingOrganisationId = tenant.organisation.id;
    const [other] = await handle.db
      .insert(organisations)
      .values({ tenantId: tenant.tenant.id, name: "Jobcenter Ganzer Fall", kind: "jobcenter" })
      .returning();
    const wholeOrganisationId = other!.id;
    const moderator = await createActor(handle.db, tenant.tenant.id, ["coordinator"], { organisationId: wholeOrganisationId });
    cm = await createActor(handle.db, tenant.tenant.id, ["case_manager"]);
    // Case managers of other organisations read theme sources; the consent decides which of them.
    housingCm = await createActor(handle.db, tenant.tenant.id, ["case_manager"], { organisationId: housingOrganisationId });
    wholeCaseCm = await createActor(handle.db, tenant.tenant.id, ["case_manager"], { organisationId: wholeOrganisationId });

    const caller = callerFor(handle.db, cm);
    const caseId = (await createCase(handle.db, { manager: cm })).id;
    await caller.cases.addConsent({
      caseId,
      kind: "confidentiality_release",
      organisationIds: [housingOrganisationId],
      lifeAreas: ["housing"],
      grantedOn: "2026-01-05",
    });
    await caller.cases.addConsent({
      caseId,
      kind: "confidentiality_release",
      organisationIds: [wholeOrganisationId],
      grantedOn: "2026-01-05",
    });
    await caller.cases.saveSummary({ caseId, title: "Familie mit vielen Baustellen", body: "Mehrere Stellen sind beteiligt." });
    const conferenceId = (
      await createConference(handle.db, {
        planner: moderator,
        type: "planungskonferenz",
        participants: [cm],
        cases: [{ id: caseId, manager: cm }],
      })
    ).id;
    const send = (actor: Actor, op: BoardOperation) =>
      applyBoardOperation(handle.db, actor, { conferenceId, clientOpId: randomUUID(), op });
    await send(moderator, { kind: "phase.set", index: 1 });
    const clusterId = randomUUID();
    await send(moderator, { kind: "cluster.add", clusterId, title: "Lange Wartezeiten", orderKey: "a0" });
    const addCard = async (text: string, lifeArea: LifeArea | null) => {
      const cardId = randomUUID();
      const caseRef = meetingCaseId(conferenceId, caseId);
      await send(cm, { kind: "card.add", cardId, lane: "themen", text, orderKey: "a0", caseId: caseRef, perspective: null, lifeArea });
      await send(moderator, { kind: "card.cluster", cardId, clusterId });
      return cardId;
    };
    healthCardId = await addCard(healthText, "health");
    await addCard(housingText, "housing");
    await addCard(untaggedText, null);

    themeId = (await insertTheme(handle.db, tenant.tenant.id, moderator.userId, { title: "Wartezeiten bei Hilfen für Familien" })).id;
    expect(await callerFor(handle.db, moderator).conferences.recordRecurrence({ conferenceId, clusterId, themeId })).toEqual({ added: 3 });
    // The same cluster formulated and frozen into a theme of its own.
    const moderatorCaller = callerFor(handle.db, moderator);
    const { id: formulationId, documentKey } = await moderatorCaller.conferences.formulations.start({ conferenceId, clusterId });
    const doc = new Y.Doc();
    const paragraph = new Y.XmlElement("paragraph");
    paragraph.insert(0, [new Y.XmlText("Familien warten zu lange auf Hilfen.")]);
    doc.getXmlFragment(documentField).insert(0, [paragraph]);
    await applySharedDocumentUpdate(
      handle.db,
      moderator,
      { conferenceId, key: documentKey as SharedDocumentKey, update: Y.encodeStateAsUpdate(doc) },
      conferenceDocumentAccess,
    );
    await callerFor(handle.db, cm).conferences.formulations.vote({ formulationId, vote: "agree" });
    formulatedThemeId = (await moderatorCaller.conferences.formulations.finalise({ formulationId })).themeId;
    // The card leaving the board must not free its wording in the registry.
    await handle.db.delete(boardCards).where(eq(boardCards.id, healthCardId));
  });
  afterAll(() => handle.close());

  const excerptsFor = async (actor: Actor, id: string) =>
    ((await callerFor(handle.db, actor).themes.get({ themeId: id })).sources ?? []).map((s) => s.excerpt ?? withheld).sort();

  it("withholds the health card's wording from a case manager whose organisation's consent covers housing only", async () => {
    expect(await excerptsFor(housingCm, themeId)).toEqual([withheld, housingText, untaggedText].sort());
    expect(await excerptsFor(housingCm, formulatedThemeId)).toEqual([withheld, housingText, untaggedText].sort());
  });

  it("shows every card's wording under a consent naming no life area, and to the responsible case manager", async () => {
    for (const id of [themeId, formulatedThemeId]) {
      expect(await excerptsFor(wholeCaseCm, id)).toEqual([healthText, housingText, untaggedText].sort());
      expect(await excerptsFor(cm, id)).toEqual([healthText, housingText, untaggedText].sort());
    }
  });
});
