import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z, ZodError } from "zod";
import type { DatabaseHandle } from "@/db";
import type { Actor } from "../auth/policy";
import { translateFieldErrors } from "../i18n/translate";
import type { Role } from "../schemas/roles";
import { createTestDatabase } from "../test/database";
import { callerFor, createActor, createTenant } from "../test/factories";

const base = { caseloadKey: 50, identityRetentionDays: 1095, monthlyReportDeadlineDay: 10 };

describe("participant limit of a meeting's live room, per conference type", () => {
  let handle: DatabaseHandle;
  let admin: Actor;
  let tenantId: string;

  beforeAll(async () => {
    handle = await createTestDatabase();
    tenantId = (await createTenant(handle.db)).tenant.id;
    admin = await createActor(handle.db, tenantId, ["admin"]);
  });
  afterAll(() => handle.close());

  it("starts at 40 for every type and keeps what the admin sets per type", async () => {
    expect((await callerFor(handle.db, admin).tenancy.settings()).boardParticipantLimits).toEqual({
      fallkonferenz: 40,
      planungskonferenz: 40,
      fallrekonstruktion: 40,
    });
    const saved = await callerFor(handle.db, admin).tenancy.updateSettings({
      ...base,
      boardParticipantLimits: { fallkonferenz: 12, planungskonferenz: 200, fallrekonstruktion: 40 },
    });
    expect(saved.boardParticipantLimits).toEqual({ fallkonferenz: 12, planungskonferenz: 200, fallrekonstruktion: 40 });
    expect((await callerFor(handle.db, admin).tenancy.settings()).boardParticipantLimits).toEqual({
      fallkonferenz: 12,
      planungskonferenz: 200,
      fallrekonstruktion: 40,
    });
  });

  it("names each limit out of bounds, or missing, with a German message at its field", async () => {
    const error = await callerFor(handle.db, admin)
      .tenancy.updateSettings({ ...base, boardParticipantLimits: { fallkonferenz: 1, planungskonferenz: 501 } as never })
      .then(() => ({ code: "OK", cause: new ZodError([]) }))
      .catch((e: unknown) => e as { code: string; cause: ZodError });
    expect(error.code).toBe("BAD_REQUEST");
    const issues = error.cause.issues.map((issue) => [issue.path.join("."), issue.message]);
    expect(translateFieldErrors(Object.fromEntries(issues.map(([path, message]) => [path, [message!]])))).toEqual({
      "boardParticipantLimits.fallkonferenz": ["Bitte eine Zahl zwischen 2 und 500 angeben."],
      "boardParticipantLimits.planungskonferenz": ["Bitte eine Zahl zwischen 2 und 500 angeben."],
      "boardParticipantLimits.fallrekonstruktion": ["Bitte geben Sie eine ganze Zahl ein."],
    });
    expect(z.flattenError(error.cause).formErrors).toEqual([]);
  });

  // Written out by hand: only the programme's administration sets it.
  const matrix: [Role, "allowed" | "FORBIDDEN"][] = [
    ["admin", "allowed"],
    ["coordinator", "FORBIDDEN"],
    ["case_manager", "FORBIDDEN"],
    ["cm_spokesperson", "FORBIDDEN"],
    ["body_member", "FORBIDDEN"],
    ["network_actor", "FORBIDDEN"],
  ];
  it.each(matrix)("%s changing the limits: %s", async (role, expected) => {
    const actor = await createActor(handle.db, tenantId, [role]);
    const before = (await callerFor(handle.db, admin).tenancy.settings()).boardParticipantLimits.fallkonferenz;
    const wanted = before + 1;
    const outcome = await callerFor(handle.db, actor)
      .tenancy.updateSettings({ ...base, boardParticipantLimits: { fallkonferenz: wanted, planungskonferenz: 7, fallrekonstruktion: 7 } })
      .then(() => "allowed")
      .catch((e: { code: string }) => e.code);
    expect(outcome).toBe(expected);
    const after = (await callerFor(handle.db, admin).tenancy.settings()).boardParticipantLimits.fallkonferenz;
    expect(after).toBe(expected === "allowed" ? wanted : before);
  });
});
