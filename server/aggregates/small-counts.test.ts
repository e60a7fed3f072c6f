import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import type { Actor } from "../auth/policy";
import { createTestDatabase } from "../test/database";
import { callerFor, createActor, createTenant } from "../test/factories";
import { createBareCases, doc, insertTheme } from "../test/theme-factories";

// Each consumer of the small-counts rule, with two cases behind a theme and the default k of 5.
describe("small counts in every consumer (A10)", () => {
  let handle: DatabaseHandle;
  let coordinator: Actor;
  let bodyMember: Actor;
  let caseManager: Actor;
  let themeId: string;

  beforeAll(async () => {
    handle = await createTestDatabase();
    const { tenant, kommune, body } = await createTenant(handle.db);
    coordinator = await createActor(handle.db, tenant.id, ["coordinator"]);
    bodyMember = await createActor(handle.db, tenant.id, [{ role: "body_member", bodyId: body.id }]);
    caseManager = await createActor(handle.db, tenant.id, ["case_manager"]);
    const caseIds = await createBareCases(handle.db, tenant.id, 2, kommune.id);
    themeId = (
      await insertTheme(handle.db, tenant.id, coordinator.userId, {
        title: "Kita-Plätze fehlen",
        sources: caseIds.map((caseId) => ({ caseId, kommuneId: kommune.id, excerpt: "Kein Platz" })),
      })
    ).id;
    const { id: pollId } = await callerFor(handle.db, coordinator).sessions.polls.create({
      bodyId: body.id,
      sessionId: null,
      question: "Was beobachten Sie zu Kita-Plätzen?",
      themeIds: [themeId],
      dueDate: "2026-02-01",
    });
    await callerFor(handle.db, caseManager).sessions.polls.answer({ pollId, themeId, answer: "Lange Wartelisten.", caseCount: 3 });
  });
  afterAll(() => handle.close());

  it("themes: a body member sees fewer than k cases, the coordination the number", async () => {
    const row = (list: { id: string; caseCount: unknown }[]) => list.find((theme) => theme.id === themeId)!.caseCount;
    expect(row(await callerFor(handle.db, bodyMember).themes.list())).toEqual({ lessThan: 5 });
    expect(row(await callerFor(handle.db, coordinator).themes.list())).toBe(2);
  });

  it("themes: a case manager now sees fewer than k as well, and still the sources", async () => {
    const theme = await callerFor(handle.db, caseManager).themes.get({ themeId });
    expect(theme.caseCount).toEqual({ lessThan: 5 });
    expect(theme.sources).toHaveLength(2);
  });

  it("evidence pack: a body member sees fewer than k cases, the coordination the number", async () => {
    const { id: vorlageId } = await callerFor(handle.db, coordinator).steering.vorlagen.create({
      themeId,
      proposalId: null,
      title: "Vorlage Kita",
      body: doc("Mehr Plätze"),
    });
    const shown = (await callerFor(handle.db, bodyMember).steering.vorlagen.get({ vorlageId })).current!.evidence;
    expect(shown.caseCount).toEqual({ lessThan: 5 });
    expect(shown.sourceCount).toEqual({ lessThan: 5 });
    const exact = (await callerFor(handle.db, coordinator).steering.vorlagen.get({ vorlageId })).current!.evidence;
    expect(exact.caseCount).toBe(2);
  });

  it("polls: a body member sees fewer than k answers and cases, the coordination the numbers", async () => {
    const forMember = await callerFor(handle.db, bodyMember).sessions.polls.list();
    expect(forMember.polls[0]!.themes[0]).toMatchObject({ answerCount: { lessThan: 5 }, caseCount: { lessThan: 5 } });
    const forCoordination = await callerFor(handle.db, coordinator).sessions.polls.list();
    expect(forCoordination.polls[0]!.themes[0]).toMatchObject({ answerCount: 1, caseCount: 3 });
  });
});
