import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { kommunen } from "@/db/schema";
import { createTestDatabase } from "../test/database";
import { createAgendaItem } from "../test/body-factories";
import { createTheme, doc } from "../test/theme-factories";
import { callerFor, createActor, createTenant } from "../test/factories";
import type { Actor } from "./policy";

async function codeOf(promise: Promise<unknown>): Promise<string | null> {
  try {
    await promise;
    return null;
  } catch (error) {
    return (error as { code?: string }).code ?? "UNKNOWN";
  }
}

/**
 * The Kommune rule end to end: a grant scoped to one Kommune acts on that Kommune's cases and
 * conferences; the steering path, sessions and the audit log are tenant-wide business. Where the
 * two readings differed before (a Kommune-scoped coordinator could write Vorlagen, record decisions
 * and read the tenant's audit log), the stricter rule wins.
 */
describe("Kommune scope", () => {
  let handle: DatabaseHandle;
  let tenant: Awaited<ReturnType<typeof createTenant>>;
  let kommuneB: string;
  let coordinator: Actor;
  let coordinatorOfA: Actor;
  let caseManagerOfA: Actor;

  beforeAll(async () => {
    handle = await createTestDatabase();
    tenant = await createTenant(handle.db);
    const [b] = await handle.db
      .insert(kommunen)
      .values({ tenantId: tenant.tenant.id, name: `Kommune ${randomUUID().slice(0, 6)}` })
      .returning();
    kommuneB = b!.id;
    coordinator = await createActor(handle.db, tenant.tenant.id, ["coordinator"]);
    coordinatorOfA = await createActor(handle.db, tenant.tenant.id, [{ role: "coordinator", kommuneId: tenant.kommune.id }]);
    caseManagerOfA = await createActor(handle.db, tenant.tenant.id, [{ role: "case_manager", kommuneId: tenant.kommune.id }]);
  });
  afterAll(() => handle.close());

  it("refuses a Kommune-scoped coordinator the steering path: no Vorlagen, no decisions, not even reading", async () => {
    const { id: themeId } = await createTheme(handle.db, { coordinator });
    const { sessionId, agendaItemId } = await createAgendaItem(handle.db, { coordinator, bodyId: tenant.body.id, themeId });
    const scoped = callerFor(handle.db, coordinatorOfA);
    expect(await codeOf(scoped.steering.vorlagen.create({ themeId, title: "Vorlage", body: doc("Text") }))).toBe("FORBIDDEN");
    expect(await codeOf(scoped.steering.decisions.record({ sessionId, agendaItemId, outcome: "adopted", text: "Angenommen." }))).toBe(
      "FORBIDDEN",
    );
    expect(await codeOf(scoped.steering.vorlagen.list())).toBe("FORBIDDEN");
    // The same person with an unscoped grant does all of it.
    await expect(
      callerFor(handle.db, coordinator).steering.vorlagen.create({ themeId, title: "Vorlage", body: doc("Text") }),
    ).resolves.toMatchObject({
      version: 1,
    });
  });

  it("refuses a Kommune-scoped coordinator the tenant's audit log and session planning", async () => {
    const scoped = callerFor(handle.db, coordinatorOfA);
    expect(await codeOf(scoped.audit.list({}))).toBe("FORBIDDEN");
    expect(
      await codeOf(
        scoped.sessions.plan({ bodyId: tenant.body.id, title: "Sitzung", scheduledAt: new Date("2026-07-01T10:00:00Z"), place: "" }),
      ),
    ).toBe("FORBIDDEN");
    await expect(callerFor(handle.db, coordinator).audit.list({})).resolves.toMatchObject({ events: expect.any(Array) });
  });

  it("lets a Kommune-scoped planner open the conference they planned in their Kommune, and nothing in another", async () => {
    const created = await callerFor(handle.db, caseManagerOfA).conferences.create({
      type: "fallkonferenz",
      title: "Fallkonferenz in A",
      kommuneId: tenant.kommune.id,
      scheduledAt: new Date("2026-07-01T10:00:00Z"),
    });
    const details = await callerFor(handle.db, caseManagerOfA).conferences.get({ conferenceId: created.id });
    expect(details.viewer.abilities).toMatchObject({ takePart: true, moderate: true, plan: true, attachCases: true });
    expect(
      await codeOf(
        callerFor(handle.db, caseManagerOfA).conferences.create({
          type: "fallkonferenz",
          title: "Fallkonferenz in B",
          kommuneId: kommuneB,
          scheduledAt: new Date("2026-07-01T10:00:00Z"),
        }),
      ),
    ).toBe("FORBIDDEN");
  });
});
