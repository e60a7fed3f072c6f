import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import type { Actor } from "../auth/policy";
import { createTestDatabase } from "../test/database";
import { callerFor, createActor, createTenant } from "../test/factories";

describe("Ablaufplan templates and the annual plan of Fallrekonstruktionen", () => {
  let handle: DatabaseHandle;
  let coordinator: Actor;
  let cm: Actor;
  let networkActor: Actor;

  beforeAll(async () => {
    handle = await createTestDatabase();
    const { tenant } = await createTenant(handle.db);
    coordinator = await createActor(handle.db, tenant.id, ["coordinator"]);
    cm = await createActor(handle.db, tenant.id, ["case_manager"]);
    networkActor = await createActor(handle.db, tenant.id, ["network_actor"]);
  });
  afterAll(() => handle.close());

  it("lets the coordination change a type's flow, which new conferences copy and planned ones keep", async () => {
    const caller = callerFor(handle.db, coordinator);
    const before = await caller.conferences.create({
      type: "fallkonferenz",
      title: "Vorher geplant",
      scheduledAt: new Date("2026-12-01T09:00:00Z"),
    });
    const phases = [
      { key: "start", title: "Ankommen", board: "none" as const, minutes: 5 },
      { key: "sichten", title: "Sichtweisen sammeln", board: "reconstruction" as const, minutes: 40 },
    ];
    await caller.conferences.saveTemplate({ type: "fallkonferenz", phases });
    const after = await caller.conferences.create({
      type: "fallkonferenz",
      title: "Danach geplant",
      scheduledAt: new Date("2026-12-02T09:00:00Z"),
    });
    expect((await caller.conferences.get({ conferenceId: after.id })).conference.phases).toEqual(phases);
    expect((await caller.conferences.get({ conferenceId: before.id })).conference.phases.map((p) => p.key)).toEqual([
      "begruessung",
      "fallvorstellung",
      "rekonstruktion",
      "ideen",
      "arbeitspakete",
      "naechster-termin",
    ]);
    expect((await caller.conferences.templates()).find((t) => t.type === "planungskonferenz")!.phases[3]).toMatchObject({
      title: "Punkten",
      board: "voting",
    });
  });

  it("refuses bad flows with a German message and anyone but the coordination", async () => {
    const caller = callerFor(handle.db, coordinator);
    await expect(caller.conferences.saveTemplate({ type: "fallkonferenz", phases: [] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const twice = { key: "gleich", title: "A", board: "none" as const, minutes: 5 };
    await expect(
      caller.conferences.saveTemplate({ type: "fallkonferenz", phases: [twice, { ...twice, title: "B" }] }),
    ).rejects.toMatchObject({
      message: "Jede Phase braucht einen eigenen Kurznamen.",
    });
    await expect(callerFor(handle.db, cm).conferences.saveTemplate({ type: "fallkonferenz", phases: [twice] })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("counts the year's Fallrekonstruktionen against the target and puts those never invited first", async () => {
    const caller = callerFor(handle.db, coordinator);
    await caller.conferences.create({
      type: "fallrekonstruktion",
      title: "FR Januar",
      scheduledAt: new Date("2026-01-15T09:00:00Z"),
      participantUserIds: [cm.userId],
    });
    await caller.conferences.create({ type: "fallrekonstruktion", title: "FR Vorjahr", scheduledAt: new Date("2025-06-15T09:00:00Z") });
    const plan = await caller.conferences.reconstructionPlan({ year: 2026 });
    expect(plan).toMatchObject({ year: 2026, target: 12, finished: 0, planned: 1 });
    const order = plan.rotation.map((r) => r.userId);
    expect(order.indexOf(networkActor.userId)).toBeLessThan(order.indexOf(cm.userId));
    expect(plan.rotation.find((r) => r.userId === networkActor.userId)?.lastInvitedAt).toBeNull();
    await expect(callerFor(handle.db, cm).conferences.reconstructionPlan({ year: 2026 })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
