import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { themeSources, themes } from "@/db/schema";
import type { Actor } from "../auth/policy";
import type { BoardOperation } from "../schemas/board";
import { createTestDatabase } from "../test/database";
import { callerFor, createActor, createTenant } from "../test/factories";
import { applyBoardOperation } from "./board";

describe("Fallrekonstruktion: matching a central problem against existing themes", () => {
  let handle: DatabaseHandle;
  let moderator: Actor;
  let participant: Actor;
  let conferenceId: string;
  let housingTheme: string;
  const clusterId = randomUUID();
  const send = (actor: Actor, op: BoardOperation) =>
    applyBoardOperation(handle.db, actor, { conferenceId, clientOpId: randomUUID().replace(/-/g, ""), op });

  beforeAll(async () => {
    handle = await createTestDatabase();
    const { tenant } = await createTenant(handle.db);
    moderator = await createActor(handle.db, tenant.id, ["coordinator"]);
    participant = await createActor(handle.db, tenant.id, ["case_manager"]);
    const [housing] = await handle.db
      .insert(themes)
      .values([
        {
          tenantId: tenant.id,
          title: "Bezahlbarer Wohnraum fehlt",
          description: { type: "doc" },
          descriptionText: "Große Familien finden keine bezahlbaren Wohnungen.",
          createdByUserId: moderator.userId,
        },
        {
          tenantId: tenant.id,
          title: "Sprachkurse ohne Kinderbetreuung",
          description: { type: "doc" },
          descriptionText: "Mütter können Integrationskurse nicht besuchen.",
          createdByUserId: moderator.userId,
        },
      ])
      .returning();
    housingTheme = housing!.id;
    conferenceId = (
      await callerFor(handle.db, moderator).conferences.create({
        type: "fallrekonstruktion",
        title: "Fallrekonstruktion Herbst",
        scheduledAt: new Date("2026-10-01T09:00:00Z"),
        participantUserIds: [participant.userId],
      })
    ).id;
    await send(moderator, { kind: "phase.set", index: 3 });
    await send(moderator, { kind: "cluster.add", clusterId, title: "Wohnungssuche", orderKey: "a0" });
    for (const text of ["Die Familie findet seit zwei Jahren keine Wohnung", "Vermieter lehnen große Familien ab"]) {
      const cardId = randomUUID();
      await send(participant, { kind: "card.add", cardId, lane: "barrieren", text, orderKey: "a0", caseId: null, perspective: null });
      await send(participant, { kind: "card.cluster", cardId, clusterId });
    }
  });
  afterAll(() => handle.close());

  it("suggests the theme the cluster's words recur in, and records the cluster's cards as new sources once", async () => {
    const caller = callerFor(handle.db, moderator);
    const suggestions = await caller.conferences.recurringThemes({ conferenceId, clusterId });
    expect(suggestions.map((s) => s.id)).toEqual([housingTheme]);
    expect(await caller.conferences.recordRecurrence({ conferenceId, clusterId, themeId: housingTheme })).toEqual({ added: 2 });
    expect(await caller.conferences.recordRecurrence({ conferenceId, clusterId, themeId: housingTheme })).toEqual({ added: 0 });
    const sources = await handle.db.select().from(themeSources).where(eq(themeSources.themeId, housingTheme));
    expect(sources.map((s) => s.kind)).toEqual(["reconstruction", "reconstruction"]);
    expect(sources.every((s) => s.conferenceId === conferenceId)).toBe(true);
  });

  it("leaves matching to the moderator", async () => {
    await expect(callerFor(handle.db, participant).conferences.recurringThemes({ conferenceId, clusterId })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      callerFor(handle.db, participant).conferences.recordRecurrence({ conferenceId, clusterId, themeId: housingTheme }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("answers for any card text: URLs, query operators, quotes, only stop words, an empty cluster", async () => {
    const caller = callerFor(handle.db, moderator);
    const clusterWith = async (title: string, texts: string[]) => {
      const id = randomUUID();
      await send(moderator, { kind: "cluster.add", clusterId: id, title, orderKey: `b${id.slice(0, 4)}` });
      for (const text of texts) {
        const cardId = randomUUID();
        await send(participant, { kind: "card.add", cardId, lane: "barrieren", text, orderKey: "a0", caseId: null, perspective: null });
        await send(participant, { kind: "card.cluster", cardId, clusterId: id });
      }
      return id;
    };
    const nasty = await clusterWith("a & | ! ( ) : * '", ["http://a.de:8080/x?y=1", "a & | ! ( ) : * '", "'Wohnung' <-> !!", "\\ ''' :*"]);
    expect(await caller.conferences.recurringThemes({ conferenceId, clusterId: nasty })).toEqual([
      expect.objectContaining({ id: housingTheme }),
    ]);
    const stopWords = await clusterWith("und der die", ["oder das und", "ist es"]);
    expect(await caller.conferences.recurringThemes({ conferenceId, clusterId: stopWords })).toEqual([]);
    const onlySigns = await clusterWith("& | !", []);
    expect(await caller.conferences.recurringThemes({ conferenceId, clusterId: onlySigns })).toEqual([]);
  });
});
