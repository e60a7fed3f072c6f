import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import type { Actor } from "../auth/policy";
import { createTestDatabase } from "../test/database";
import { callerFor, createActor, createTenant } from "../test/factories";

const admission = { caseloadKey: 50, identityRetentionDays: 1095, monthlyReportDeadlineDay: 10 };

/** Whom a meeting invites must fit into its live room, whose size the tenant sets per type. */
describe("invitations and the live room's limit for the type", () => {
  let handle: DatabaseHandle;
  let admin: Actor;
  let coordinator: Actor;
  let people: Actor[];

  const plan = (type: "fallkonferenz" | "planungskonferenz", invited: Actor[]) =>
    callerFor(handle.db, coordinator).conferences.create({
      type,
      title: "Regionalkonferenz Integration",
      scheduledAt: new Date("2026-12-15T09:00:00Z"),
      participantUserIds: invited.map((p) => p.userId),
    });

  beforeAll(async () => {
    handle = await createTestDatabase();
    const tenantId = (await createTenant(handle.db)).tenant.id;
    admin = await createActor(handle.db, tenantId, ["admin"]);
    coordinator = await createActor(handle.db, tenantId, ["coordinator"]);
    people = [];
    for (let i = 0; i < 60; i++) people.push(await createActor(handle.db, tenantId, ["network_actor"]));
  });
  afterAll(() => handle.close());

  it("invites up to what the room holds, the planner included, and says so in German beyond it", async () => {
    // Default: 40 in the room, so 39 besides the planner.
    await expect(plan("planungskonferenz", people.slice(0, 39))).resolves.toMatchObject({ type: "planungskonferenz" });
    await expect(plan("planungskonferenz", people.slice(0, 40))).rejects.toThrow(
      "Im Live-Raum dieser Konferenzart haben höchstens 40 Personen Platz, Sie eingeschlossen.",
    );

    await callerFor(handle.db, admin).tenancy.updateSettings({
      ...admission,
      boardParticipantLimits: { fallkonferenz: 8, planungskonferenz: 250, fallrekonstruktion: 40 },
    });
    // A Regionalkonferenz invites far more than a case conference.
    await expect(plan("planungskonferenz", people)).resolves.toMatchObject({ type: "planungskonferenz" });
    await expect(plan("fallkonferenz", people.slice(0, 8))).rejects.toThrow("höchstens 8 Personen");
    await expect(plan("fallkonferenz", people.slice(0, 7))).resolves.toMatchObject({ type: "fallkonferenz" });
  });
});
