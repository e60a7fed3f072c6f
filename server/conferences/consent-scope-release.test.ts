import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { organisations } from "@/db/schema";
import type { Actor } from "../auth/policy";
import type { BoardJoinAck, BoardOperation } from "../schemas/board";
import type { LifeArea } from "../schemas/case-kinds";
import { createCase } from "../test/case-factories";
import { createConference } from "../test/conference-factories";
import { createTestDatabase } from "../test/database";
import { callerFor, createActor, createTenant } from "../test/factories";
import { applyBoardOperation, getBoardForJoin } from "./board";
import { boardViewers, redactOperation } from "./board-visibility";
import { meetingCaseId } from "./meeting-case-ids";

const body = "Die Familie lebt seit zwei Jahren im Kreis; mehrere Stellen sind beteiligt.";
const housingText = "Die Unterkunft ist für fünf Personen zu eng.";
const healthText = "Ein Kind braucht regelmäßig eine Therapie.";

describe("a consent covering one life area releases only that area of a case", () => {
  let handle: DatabaseHandle;
  let cm: Actor;
  let moderator: Actor;
  let housingOnly: Actor;
  let wholeCase: Actor;
  let conferenceId: string;
  let caseId: string;

  const send = (actor: Actor, op: BoardOperation) => applyBoardOperation(handle.db, actor, { conferenceId, clientOpId: randomUUID(), op });
  const caseCard = (text: string, lifeArea: LifeArea | null) =>
    ({
      kind: "card.add",
      cardId: randomUUID(),
      lane: "themen",
      text,
      orderKey: "a0",
      caseId: meetingCaseId(conferenceId, caseId),
      perspective: null,
      lifeArea,
    }) as const;
  const cardTextSeenBy = async (actor: Actor, cardId: string) =>
    ((await getBoardForJoin(handle.db, actor, conferenceId, 0)) as Extract<BoardJoinAck, { mode: "snapshot" }>).cards.find(
      (c) => c.id === cardId,
    )!.text;

  beforeAll(async () => {
    handle = await createTestDatabase();
    const tenant = await createTenant(handle.db);
    const [other] = await handle.db
      .insert(organisations)
      .values({ tenantId: tenant.tenant.id, name: "Jobcenter Ganzer Fall", kind: "jobcenter" })
      .returning();
    moderator = await createActor(handle.db, tenant.tenant.id, ["coordinator"]);
    cm = await createActor(handle.db, tenant.tenant.id, ["case_manager"]);
    housingOnly = await createActor(handle.db, tenant.tenant.id, ["network_actor"], { organisationId: tenant.organisation.id });
    wholeCase = await createActor(handle.db, tenant.tenant.id, ["network_actor"], { organisationId: other!.id });
    const caller = callerFor(handle.db, cm);
    caseId = (await createCase(handle.db, { manager: cm })).id;
    await caller.cases.addConsent({
      caseId,
      kind: "confidentiality_release",
      organisationIds: [tenant.organisation.id],
      lifeAreas: ["housing"],
      grantedOn: "2026-01-05",
    });
    await caller.cases.addConsent({ caseId, kind: "confidentiality_release", organisationIds: [other!.id], grantedOn: "2026-01-05" });
    await caller.cases.saveSummary({
      caseId,
      title: "Familie in beengter Unterkunft",
      body,
      sections: [
        { lifeArea: "housing", text: housingText },
        { lifeArea: "health", text: healthText },
      ],
    });
    conferenceId = (
      await createConference(handle.db, {
        planner: moderator,
        type: "planungskonferenz",
        participants: [cm, housingOnly, wholeCase],
        cases: [{ id: caseId, manager: cm }],
      })
    ).id;
    await send(moderator, { kind: "phase.set", index: 1 });
  });
  afterAll(() => handle.close());

  it("releases to a housing-only recipient the housing section of the Falldarstellung and nothing else", async () => {
    const summaryFor = async (actor: Actor) => (await callerFor(handle.db, actor).conferences.get({ conferenceId })).cases[0]!.summary;
    expect(await summaryFor(housingOnly)).toMatchObject({
      body: "",
      sections: [{ lifeArea: "housing", text: housingText }],
      isPartial: true,
    });
    expect(JSON.stringify(await summaryFor(housingOnly))).not.toContain(healthText);
    expect(await summaryFor(wholeCase)).toMatchObject({
      body,
      sections: [
        { lifeArea: "housing", text: housingText },
        { lifeArea: "health", text: healthText },
      ],
      isPartial: false,
    });
    expect(await summaryFor(cm)).toMatchObject({ body, isPartial: false });
  });

  it("refuses a section naming the same life area twice", async () => {
    await expect(
      callerFor(handle.db, cm).cases.saveSummary({
        caseId,
        title: "Doppelt",
        body,
        sections: [
          { lifeArea: "housing", text: housingText },
          { lifeArea: "housing", text: healthText },
        ],
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("does not send a case card about health to the housing-only recipient, live or on joining", async () => {
    const health = caseCard("Therapieplatz fehlt seit Monaten", "health");
    const { applied } = await send(cm, health);
    const viewers = await boardViewers(handle.db, conferenceId);
    const live = (actor: Actor) =>
      JSON.stringify(
        redactOperation(
          applied,
          viewers.find((v) => v.userId === actor.userId)!,
        ),
      );
    expect(live(housingOnly)).not.toContain("Therapieplatz");
    expect(live(wholeCase)).toContain("Therapieplatz");
    expect(await cardTextSeenBy(housingOnly, health.cardId)).toBe("");
    expect(await cardTextSeenBy(wholeCase, health.cardId)).toBe("Therapieplatz fehlt seit Monaten");
    // Nor can they change a card they may not read.
    await expect(send(housingOnly, { kind: "card.edit", cardId: health.cardId, text: "überschrieben" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });

    const housing = caseCard("Keine Wohnung unter der Mietobergrenze", "housing");
    await send(cm, housing);
    expect(await cardTextSeenBy(housingOnly, housing.cardId)).toBe("Keine Wohnung unter der Mietobergrenze");
    const untagged = caseCard("Viele Termine gleichzeitig", null);
    await send(cm, untagged);
    expect(await cardTextSeenBy(housingOnly, untagged.cardId)).toBe("Viele Termine gleichzeitig");

    // The protocol keeps the card from them as well.
    const { version } = await callerFor(handle.db, moderator).conferences.protocol.generate({ conferenceId });
    const protocolFor = async (actor: Actor) =>
      JSON.stringify(await callerFor(handle.db, actor).conferences.protocol.get({ conferenceId, version }));
    expect(await protocolFor(housingOnly)).not.toContain("Therapieplatz");
    expect(await protocolFor(housingOnly)).toContain("Keine Wohnung unter der Mietobergrenze");
    expect(await protocolFor(wholeCase)).toContain("Therapieplatz");
  });

  it("refuses a card about a life area the writer's own consent leaves out", async () => {
    await expect(send(housingOnly, caseCard("Arztbesuche sind schwierig", "health"))).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "conferences.board.lifeAreaNotReleased",
    });
    await expect(send(housingOnly, caseCard("Makler verlangen Provision", "housing"))).resolves.toBeDefined();
  });
});
