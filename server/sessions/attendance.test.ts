import { errorCodeOf } from "../test/error-code";
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { bodyExternalMembers, roleAssignments } from "@/db/schema";
import type { Actor } from "../auth/policy";
import { callerFor, createActor } from "../test/factories";
import { setUpSessions } from "./test-fixture";

describe("attendance when members leave", () => {
  let handle: DatabaseHandle;
  let tenantId: string;
  let arbeitsgruppe: string;
  let coordinator: Actor;
  let memberA: Actor;

  beforeAll(async () => {
    ({ handle, tenantId, arbeitsgruppe, coordinator, memberA } = await setUpSessions());
  });
  afterAll(() => handle.close());

  describe("members who leave", () => {
    it("keeps a former member on the attendance lists they are on, and off the body and every later list", async () => {
      const caller = callerFor(handle.db, coordinator);
      const past = await caller.sessions.plan({
        bodyId: arbeitsgruppe,
        title: "AG Wohnen Mai",
        scheduledAt: new Date("2026-05-05T10:00:00Z"),
        place: "",
      });
      const expert = await caller.bodies.addExternalMember({
        bodyId: arbeitsgruppe,
        name: "Hanna Gast",
        organisationName: "Wohnungsbaugesellschaft",
        function: "Vermietung",
      });
      const neverThere = await caller.bodies.addExternalMember({
        bodyId: arbeitsgruppe,
        name: "Otto Nie",
        organisationName: "",
        function: "",
      });
      const leaving = await createActor(handle.db, tenantId, [{ role: "body_member", bodyId: arbeitsgruppe }]);
      const bothOnTheList = [
        { externalMemberId: expert.id, present: true },
        { userId: leaving.userId, present: false },
      ];
      await caller.sessions.recordAttendance({ sessionId: past.id, entries: bothOnTheList });

      await caller.bodies.removeExternalMember({ externalMemberId: expert.id });
      await caller.bodies.removeExternalMember({ externalMemberId: neverThere.id });
      await handle.db.delete(roleAssignments).where(eq(roleAssignments.userId, leaving.userId));

      const group = (await caller.bodies.overview()).bodies.find((b) => b.id === arbeitsgruppe)!;
      expect(group.externalMembers.map((m) => m.name)).not.toContain("Hanna Gast");
      expect(group.externalMembers.map((m) => m.name)).not.toContain("Otto Nie");
      expect(group.members.map((m) => m.userId)).not.toContain(leaving.userId);

      const pastList = (await caller.sessions.get({ sessionId: past.id })).attendance;
      expect(pastList).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            externalMemberId: expert.id,
            name: "Hanna Gast",
            organisationName: "Wohnungsbaugesellschaft",
            present: true,
          }),
          expect.objectContaining({ userId: leaving.userId, name: leaving.displayName, present: false }),
        ]),
      );
      // The old list can still be corrected with them on it.
      await caller.sessions.recordAttendance({
        sessionId: past.id,
        entries: bothOnTheList.map((entry) => ({ ...entry, present: !entry.present })),
      });
      expect((await caller.sessions.get({ sessionId: past.id })).attendance.find((a) => a.externalMemberId === expert.id)!.present).toBe(
        false,
      );

      const next = await caller.sessions.plan({
        bodyId: arbeitsgruppe,
        title: "AG Wohnen Juni",
        scheduledAt: new Date("2026-06-02T10:00:00Z"),
        place: "",
      });
      const nextList = (await caller.sessions.get({ sessionId: next.id })).attendance;
      expect(nextList.map((a) => a.externalMemberId)).not.toContain(expert.id);
      expect(nextList.map((a) => a.userId)).not.toContain(leaving.userId);
      expect(
        await errorCodeOf(
          caller.sessions.recordAttendance({ sessionId: next.id, entries: [{ externalMemberId: expert.id, present: true }] }),
        ),
      ).toBe("BAD_REQUEST");
      expect(
        await errorCodeOf(caller.sessions.recordAttendance({ sessionId: next.id, entries: [{ userId: leaving.userId, present: true }] })),
      ).toBe("BAD_REQUEST");

      // Whoever attended is kept as a former member; whoever never did is gone; neither can leave twice.
      const rows = await handle.db
        .select()
        .from(bodyExternalMembers)
        .where(inArray(bodyExternalMembers.id, [expert.id, neverThere.id]));
      expect(rows).toEqual([expect.objectContaining({ id: expert.id, removedAt: expect.any(Date) })]);
      expect(await errorCodeOf(caller.bodies.removeExternalMember({ externalMemberId: expert.id }))).toBe("NOT_FOUND");
      expect(await errorCodeOf(callerFor(handle.db, memberA).bodies.removeExternalMember({ externalMemberId: expert.id }))).toBe(
        "FORBIDDEN",
      );
    });
  });
});
