import { randomUUID } from "node:crypto";
import type { Database } from "@/db";
import { cases, conferences, kommunen, themes, themeSources } from "@/db/schema";
import type { Actor } from "../auth/policy";

export const doc = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

/**
 * A theme of the coordinator's tenant; with `caseCount`, seen in that many distinct cases of `caseManager` across
 * two Kommunen (`kommuneId` and a new one) and two meetings: each case has a card in a
 * Planungskonferenz and one in a Fallrekonstruktion (two sources, still one case). The excerpts
 * are marked GEHEIM so tests can check they never leak.
 */
export async function createTheme(
  db: Database,
  options: { coordinator: Actor; caseCount?: number; caseManager?: Actor; kommuneId?: string; title?: string },
) {
  const { coordinator, caseCount = 0 } = options;
  const tenantId = coordinator.tenantId;
  const [theme] = await db
    .insert(themes)
    .values({
      tenantId,
      title: options.title ?? `Wohnraum ${randomUUID().slice(0, 6)}`,
      description: doc("Große Familien finden keine Wohnung."),
      createdByUserId: coordinator.userId,
    })
    .returning();
  if (caseCount === 0) return theme!;
  const { caseManager, kommuneId } = options;
  if (!caseManager || !kommuneId) throw new Error("a theme with cases needs their case manager and Kommune");
  const [kommune2] = await db
    .insert(kommunen)
    .values({ tenantId, name: `Kommune ${randomUUID().slice(0, 6)}` })
    .returning();
  const [early, late] = await db
    .insert(conferences)
    .values([
      {
        tenantId,
        type: "planungskonferenz",
        title: "Planungskonferenz Januar",
        scheduledAt: new Date("2026-01-20T10:00:00Z"),
        createdByUserId: coordinator.userId,
      },
      {
        tenantId,
        type: "fallrekonstruktion",
        title: "Fallrekonstruktion April",
        scheduledAt: new Date("2026-04-14T10:00:00Z"),
        createdByUserId: coordinator.userId,
      },
    ])
    .returning();
  for (let index = 0; index < caseCount; index++) {
    const [row] = await db
      .insert(cases)
      .values({
        tenantId,
        pseudonym: `NH-${randomUUID().slice(0, 8)}`,
        accessChannel: "walk_in",
        openedOn: "2026-01-15",
        responsibleUserId: caseManager.userId,
        status: "active",
      })
      .returning({ id: cases.id });
    await db.insert(themeSources).values([
      {
        themeId: theme!.id,
        tenantId,
        kind: "conference",
        conferenceId: early!.id,
        caseId: row!.id,
        kommuneId: index % 2 ? kommune2!.id : kommuneId,
        excerpt: `GEHEIM-Karte ${index}`,
      },
      {
        themeId: theme!.id,
        tenantId,
        kind: "reconstruction",
        conferenceId: late!.id,
        caseId: row!.id,
        kommuneId,
        excerpt: `GEHEIM-Rekonstruktion ${index}`,
      },
    ]);
  }
  return theme!;
}
