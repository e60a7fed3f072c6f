import { createHmac } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { caseIdentities } from "@/db/schema";
import type { Actor } from "../auth/policy";
import { createCase } from "../test/case-factories";
import { createTestDatabase } from "../test/database";
import { createActor, createTenant } from "../test/factories";
import { reindexOldBlindIndexes } from "./blind-index-migration";
import { getIdentityKeys } from "./identity-keys";

const duplicate = { code: "CONFLICT", message: expect.stringContaining("bereits in einem anderen Fall") };

/**
 * The duplicate-person check compares a keyed index of name and birth date. 01.01. of a year is
 * the birth date of many refugees, so names in every script must stay apart, and the same name in
 * Latin and Cyrillic letters (or with ü, ue, u) must be one name.
 */
describe("the duplicate-person check in every script", () => {
  let handle: DatabaseHandle;
  let tenantId: string;
  let cm: Actor;
  let otherCm: Actor;

  beforeAll(async () => {
    handle = await createTestDatabase();
    tenantId = (await createTenant(handle.db)).tenant.id;
    cm = await createActor(handle.db, tenantId, ["case_manager"]);
    otherCm = await createActor(handle.db, tenantId, ["case_manager"]);
  });
  afterAll(() => handle.close());

  const open = (manager: Actor, lastName: string, firstName: string, birthDate = "1990-01-01") =>
    createCase(handle.db, { manager, identity: { lastName, firstName, birthDate } });

  it("accepts two different people with Cyrillic names and the same birth date", async () => {
    await expect(open(cm, "Иванов", "Сергей")).resolves.toBeDefined();
    await expect(open(otherCm, "Петров", "Андрей")).resolves.toBeDefined();
  });

  it("accepts two different people with Arabic names and the same birth date", async () => {
    await expect(open(cm, "حداد", "يوسف")).resolves.toBeDefined();
    await expect(open(otherCm, "خطيب", "عمر")).resolves.toBeDefined();
  });

  it("finds the same person written in Latin and in Cyrillic letters, or with ü, ue or u", async () => {
    await open(cm, "Мюллер", "Ольга", "1985-01-01");
    await expect(open(otherCm, "Müller", "Olga", "1985-01-01")).rejects.toMatchObject(duplicate);
    await expect(open(otherCm, "MUELLER", "olga", "1985-01-01")).rejects.toMatchObject(duplicate);
    await open(cm, "Petrov", "Ivan", "1979-01-01");
    await expect(open(otherCm, "Петров", "Иван", "1979-01-01")).rejects.toMatchObject(duplicate);
    // Same Cyrillic name, another birth date: another person.
    await expect(open(otherCm, "Петров", "Иван", "1980-01-01")).resolves.toBeDefined();
  });

  it("recomputes an index value written under the old rules at start, keyed as before", async () => {
    const created = await open(cm, "Кузнецова", "Анна", "1970-01-01");
    // The old rule: accents stripped, then every letter outside a–z dropped.
    const oldName = (value: string) =>
      value
        .normalize("NFKD")
        .replace(/\p{M}/gu, "")
        .toLowerCase()
        .replace(/ß/g, "ss")
        .replace(/[^a-z0-9]/g, "");
    const oldValue = createHmac("sha256", getIdentityKeys().blindIndex)
      .update([tenantId, oldName("Кузнецова"), oldName("Анна"), "1970-01-01"].join("|"))
      .digest("base64url");
    const [before] = await handle.db.select().from(caseIdentities).where(eq(caseIdentities.caseId, created.id));
    await handle.db.update(caseIdentities).set({ blindIndex: oldValue }).where(eq(caseIdentities.caseId, created.id));

    expect(await reindexOldBlindIndexes(handle.db)).toEqual({ reindexed: 1, unreadable: 0 });
    const [after] = await handle.db.select().from(caseIdentities).where(eq(caseIdentities.caseId, created.id));
    expect(after!.blindIndex).toBe(before!.blindIndex);
    expect(after!.blindIndex).not.toContain("Kuznecova");
    await expect(open(otherCm, "Смирнова", "Мария", "1970-01-01")).resolves.toBeDefined();
    await expect(open(otherCm, "Kuznetsova", "Anna", "1970-01-01")).rejects.toMatchObject(duplicate);
    expect(await reindexOldBlindIndexes(handle.db)).toEqual({ reindexed: 0, unreadable: 0 });
  });
});
