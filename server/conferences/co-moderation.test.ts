import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import type { Actor } from "../auth/policy";
import { createTestDatabase } from "../test/database";
import { callerFor, createActor, createTenant } from "../test/factories";
import { applyBoardOperation } from "./board";
import { participantModerates } from "./policy";

describe("co-moderation", () => {
  let handle: DatabaseHandle;
  let planner: Actor;
  let coModerator: Actor;
  let participant: Actor;

  beforeAll(async () => {
    handle = await createTestDatabase();
    const { tenant } = await createTenant(handle.db);
    planner = await createActor(handle.db, tenant.id, ["case_manager"]);
    coModerator = await createActor(handle.db, tenant.id, ["coordinator"]);
    participant = await createActor(handle.db, tenant.id, ["network_actor"]);
  });
  afterAll(() => handle.close());

  it("lets invited co-moderators run the board with the planner, and only invited people", async () => {
    const caller = callerFor(handle.db, planner);
    const base = { type: "fallkonferenz" as const, title: "Fallkonferenz im Tandem", scheduledAt: new Date("2026-12-04T09:00:00Z") };
    await expect(
      caller.conferences.create({ ...base, participantUserIds: [participant.userId], coModeratorUserIds: [coModerator.userId] }),
    ).rejects.toMatchObject({
      message: "Wer mitmoderiert, muss auch eingeladen sein.",
    });
    const { id: conferenceId } = await caller.conferences.create({
      ...base,
      participantUserIds: [participant.userId, coModerator.userId],
      coModeratorUserIds: [coModerator.userId],
    });
    const details = await callerFor(handle.db, coModerator).conferences.get({ conferenceId });
    expect(details.viewer.abilities.moderate).toBe(true);
    expect(
      details.participants
        .filter((p) => participantModerates(p.role))
        .map((p) => p.userId)
        .sort(),
    ).toEqual([planner.userId, coModerator.userId].sort());
    const send = (actor: Actor) =>
      applyBoardOperation(handle.db, actor, {
        conferenceId,
        clientOpId: randomUUID().replace(/-/g, ""),
        op: { kind: "phase.set", index: 1 },
      });
    await expect(send(coModerator)).resolves.toBeDefined();
    await expect(send(participant)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
