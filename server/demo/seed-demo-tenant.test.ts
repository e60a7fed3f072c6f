import { asc, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { boardOperations, cases, tenants } from "@/db/schema";
import { findTamperedAuditEvents } from "../audit/list-audit-events";
import { getBoardForJoin } from "../conferences/board";
import { applyOperation, clusterCaseCounts, dotTotals } from "../conferences/board-state";
import { emptyBoardMeta, type BoardCard, type BoardJoinAck, type ServerOperation } from "../schemas/board";
import { addMonths, monthKey, todayInBerlin } from "../schemas/calendar-days";
import { createTestDatabase } from "../test/database";
import { callerFor } from "../test/factories";
import { actorFor } from "./seed-demo-cases";
import { seedDemoTenant, type DemoCredential } from "./seed-demo-tenant";

type Snapshot = Extract<BoardJoinAck, { mode: "snapshot" }>;

describe("demo tenant", () => {
  let handle: DatabaseHandle;
  let credentials: DemoCredential[] | null;
  beforeAll(async () => {
    handle = await createTestDatabase();
    credentials = await seedDemoTenant(handle.db, "Demo-Passwort-1234");
  }, 300_000);
  afterAll(() => handle.close());

  it("creates Kreis Beispiel once, with one user per role and cases in every stage", async () => {
    expect(new Set(credentials!.map((c) => c.role))).toEqual(
      new Set(["admin", "coordinator", "case_manager", "cm_spokesperson", "body_member", "network_actor"]),
    );
    const byStatus = await handle.db.select({ status: cases.status, n: count() }).from(cases).groupBy(cases.status);
    expect(Object.fromEntries(byStatus.map((row) => [row.status, row.n]))).toEqual({
      screening: 4,
      intake: 5,
      active: 20,
      not_admitted: 5,
      closed: 6,
    });
    expect(await seedDemoTenant(handle.db)).toBeNull();
    const [tenant] = await handle.db.select().from(tenants).where(eq(tenants.slug, "kreis-beispiel"));
    expect(await findTamperedAuditEvents(handle.db, tenant!.id)).toEqual([]);
  });

  it("has one running meeting of each type, filled through the board's operation log, for the coordination to open", async () => {
    const coordination = await actorFor(handle.db, "koordination");
    const api = callerFor(handle.db, coordination);
    const running = (await api.conferences.list()).filter((c) => c.status === "running");
    expect(running.map((c) => c.type).sort()).toEqual(["fallkonferenz", "fallrekonstruktion", "planungskonferenz"]);

    const boardOf = async (type: string) => {
      const { id } = running.find((c) => c.type === type)!;
      const { conference, viewer, participants, cases: agenda } = await api.conferences.get({ conferenceId: id });
      expect(viewer.abilities.moderate).toBe(true);
      expect(participants.map((p) => p.displayName).sort()).toEqual(
        ["Chris Casemanagement", "Dana Demir", "Kim Koordination", "Nico Netzwerk", "Sam Sprecherin"].sort(),
      );
      // Every agenda case is released to the coordination, so no card is blanked for it.
      expect(agenda.every((c) => c.released)).toBe(true);
      const board = (await getBoardForJoin(handle.db, coordination, id, 0)) as Snapshot;
      expect(board.cards.filter((c) => c.restricted)).toEqual([]);
      // The state is what the operation log replays to, so snapshots and catch-up agree.
      const log = await handle.db
        .select()
        .from(boardOperations)
        .where(eq(boardOperations.conferenceId, id))
        .orderBy(asc(boardOperations.seq));
      expect(log.map((row) => row.seq)).toEqual(log.map((_, i) => i + 1));
      expect(board.seq).toBe(log.length);
      let replayed = { cards: new Map<string, BoardCard>(), meta: emptyBoardMeta };
      for (const row of log)
        replayed = applyOperation(replayed, {
          seq: row.seq,
          actorUserId: row.actorUserId,
          op: { kind: row.kind, ...row.payload } as ServerOperation,
        });
      expect(new Set([...replayed.cards.keys()])).toEqual(new Set(board.cards.map((c) => c.id)));
      const caughtUp = await getBoardForJoin(handle.db, coordination, id, 1);
      expect(caughtUp).toMatchObject({ ok: true, mode: "operations", seq: log.length });
      return { board, phase: conference.phases[board.meta.phaseIndex]!, agenda, participants };
    };

    const fall = await boardOf("fallkonferenz");
    expect(fall.phase.board).toBe("reconstruction");
    const organisationOf = new Map(fall.participants.map((p) => [p.organisationId, p.organisationName]));
    const cells = new Map<string, number>();
    for (const card of fall.board.cards) {
      expect(card).toMatchObject({ lane: "rekonstruktion", caseId: fall.agenda[0]!.caseId });
      const column = card.perspective === "klient" ? "klient" : organisationOf.get(card.perspective)!;
      cells.set(column, (cells.get(column) ?? 0) + 1);
    }
    expect(Object.fromEntries(cells)).toEqual({
      klient: 2,
      "Caritasverband Kreis Beispiel": 2,
      "Ausländerbehörde Kreis Beispiel": 2,
      "AWO Kreisverband Beispiel": 1,
      "Kommunales Integrationszentrum Kreis Beispiel": 1,
    });
    const ready = fall.board.meta.ready[fall.agenda[0]!.caseId]!.map((id) => organisationOf.get(id)).sort();
    expect(ready).toEqual(["Ausländerbehörde Kreis Beispiel", "Caritasverband Kreis Beispiel"]);

    const planning = await boardOf("planungskonferenz");
    expect(planning.phase.board).toBe("voting");
    expect(planning.agenda).toHaveLength(3);
    const themeCards = planning.board.cards.filter((c) => c.lane === "themen");
    expect(themeCards).toHaveLength(6);
    expect(new Set(themeCards.map((c) => c.caseId)).size).toBe(3);
    const titleOf = (id: string) => planning.board.meta.clusters[id]!.title;
    const casesPerCluster = Object.fromEntries([...clusterCaseCounts(themeCards)].map(([id, n]) => [titleOf(id), n]));
    expect(casesPerCluster).toEqual({
      "Kinderbetreuung fehlt, wenn Eltern Termine und Kurse wahrnehmen": 2,
      "Wohnraum für große Familien": 1,
      "Langwierige Verfahren zwischen den Behörden": 1,
    });
    expect(Object.fromEntries([...dotTotals(planning.board.meta)].map(([id, n]) => [titleOf(id), n]))).toEqual({
      "Kinderbetreuung fehlt, wenn Eltern Termine und Kurse wahrnehmen": 6,
      "Wohnraum für große Familien": 2,
      "Langwierige Verfahren zwischen den Behörden": 3,
    });

    const reconstruction = await boardOf("fallrekonstruktion");
    expect(reconstruction.phase.board).toBe("timeline");
    const dated = reconstruction.board.cards.filter((c) => c.month);
    expect(dated).toHaveLength(10);
    expect(reconstruction.board.cards.filter((c) => !c.month)).toHaveLength(1);
    const months = dated.map((c) => c.month!).sort();
    const ago = (n: number) => monthKey(addMonths(todayInBerlin(), -n));
    expect([months[0], months.at(-1)]).toEqual([ago(33), ago(2)]);
    expect(new Set(months.map((m) => m.slice(0, 4))).size).toBeGreaterThanOrEqual(3);
    const perKind = (lane: string) => dated.filter((c) => c.lane === lane).length;
    expect([perKind("verlauf"), perKind("barrieren"), perKind("schnittstellen"), perKind("wendepunkte")]).toEqual([4, 2, 2, 2]);
  });
});
