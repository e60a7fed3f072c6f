import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { kommunen } from "@/db/schema";
import type { Actor } from "../auth/policy";
import { z, ZodError } from "zod";
import { translateFieldErrors } from "../i18n/translate";
import { createTestDatabase } from "../test/database";
import { callerFor, createActor, createTenant } from "../test/factories";

describe("Kommunen and organisations", () => {
  let handle: DatabaseHandle;
  let admin: Actor;
  let coordinator: Actor;
  let foreign: Awaited<ReturnType<typeof createTenant>>;

  beforeAll(async () => {
    handle = await createTestDatabase();
    const { tenant } = await createTenant(handle.db);
    admin = await createActor(handle.db, tenant.id, ["admin"]);
    coordinator = await createActor(handle.db, tenant.id, ["coordinator"]);
    foreign = await createTenant(handle.db);
  });
  afterAll(() => handle.close());

  it("creates, lists and renames a Kommune within the tenant", async () => {
    const created = await callerFor(handle.db, admin).tenancy.createKommune({ name: "  Rheda-Wiedenbrück ", kind: "kommune" });
    expect(created.name).toBe("Rheda-Wiedenbrück");
    await callerFor(handle.db, admin).tenancy.updateKommune({ id: created.id, name: "Rheda", kind: "bezirk" });
    const listed = await callerFor(handle.db, coordinator).tenancy.listKommunen();
    expect(listed.find((k) => k.id === created.id)).toMatchObject({ name: "Rheda", kind: "bezirk" });
    expect(listed.map((k) => k.id)).not.toContain(foreign.kommune.id);
  });

  it("refuses a duplicate name with a German message", async () => {
    await callerFor(handle.db, admin).tenancy.createKommune({ name: "Verl", kind: "kommune" });
    await expect(callerFor(handle.db, admin).tenancy.createKommune({ name: "Verl", kind: "kommune" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Dieser Name ist bereits vergeben.",
    });
  });

  it("cannot touch another tenant's Kommune, and says NOT_FOUND", async () => {
    await expect(
      callerFor(handle.db, admin).tenancy.updateKommune({ id: foreign.kommune.id, name: "Übernommen", kind: "kommune" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const [row] = await handle.db.select().from(kommunen).where(eq(kommunen.id, foreign.kommune.id));
    expect(row!.name).not.toBe("Übernommen");
  });

  it("refuses an organisation pointing at another tenant's Kommune", async () => {
    await expect(
      callerFor(handle.db, admin).tenancy.createOrganisation({ name: "Träger X", kind: "sonstige", kommuneId: foreign.kommune.id }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "Diese Kommune gibt es in Ihrem Programm nicht." });
  });

  it("names each bad field with a German catalogue message", async () => {
    const error = await callerFor(handle.db, admin)
      .tenancy.createKommune({ name: "X", kind: "dorf" as never })
      .then(() => ({ code: "OK", cause: new ZodError([]) }))
      .catch((e: unknown) => e as { code: string; cause: ZodError });
    expect(error.code).toBe("BAD_REQUEST");
    const fieldErrors = translateFieldErrors(z.flattenError(error.cause).fieldErrors);
    expect(fieldErrors).toEqual({
      name: ["Der Name muss mindestens 2 Zeichen lang sein."],
      kind: ["Bitte wählen Sie einen Eintrag aus der Liste."],
    });
  });

  it("lets the admin set the programme's caseload key, retention and report deadline, within bounds", async () => {
    const settings = await callerFor(handle.db, admin).tenancy.updateSettings({
      caseloadKey: 45,
      identityRetentionDays: 730,
      monthlyReportDeadlineDay: 5,
    });
    expect(settings).toMatchObject({ caseloadKey: 45, identityRetentionDays: 730, monthlyReportDeadlineDay: 5 });
    await expect(
      callerFor(handle.db, admin).tenancy.updateSettings({ caseloadKey: 0, identityRetentionDays: 730, monthlyReportDeadlineDay: 5 }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(
      callerFor(handle.db, coordinator).tenancy.updateSettings({
        caseloadKey: 45,
        identityRetentionDays: 730,
        monthlyReportDeadlineDay: 5,
      }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("counts the caseload against a case manager's own key where set, the programme's otherwise", async () => {
    const partTime = await createActor(handle.db, admin.tenantId, ["case_manager"]);
    const fullTime = await createActor(handle.db, admin.tenantId, ["case_manager"]);
    await callerFor(handle.db, admin).users.update({
      id: partTime.userId,
      displayName: partTime.displayName,
      email: null,
      organisationId: null,
      grants: [{ role: "case_manager", kommuneId: null, bodyId: null }],
      caseloadKey: 25,
    });
    const caseload = await callerFor(handle.db, coordinator).cases.caseload();
    expect(caseload.find((row) => row.userId === partTime.userId)).toMatchObject({ caseload: 0, key: 25 });
    expect(caseload.find((row) => row.userId === fullTime.userId)).toMatchObject({ caseload: 0, key: 45 });
  });
});
