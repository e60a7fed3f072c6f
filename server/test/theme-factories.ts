import { randomBytes, randomUUID } from "node:crypto";
import type { Database } from "@/db";
import { cases, conferences, kommunen, themes, themeSources, themeStatusChanges, themeVersions } from "@/db/schema";
import type { Actor } from "../auth/policy";
import type { LifeArea } from "../schemas/case-kinds";
import type { ThemeSourceKind, ThemeStatus } from "../schemas/theme-kinds";

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

/** Bare pseudonymised cases, enough to stand behind theme sources in tests. */
export async function createBareCases(db: Database, tenantId: string, count: number, kommuneId: string | null = null): Promise<string[]> {
  if (count === 0) return [];
  const rows = await db
    .insert(cases)
    .values(
      Array.from({ length: count }, () => ({
        tenantId,
        pseudonym: `P-${randomBytes(5).toString("hex")}`,
        accessChannel: "walk_in" as const,
        openedOn: "2026-01-05",
        kommuneId,
      })),
    )
    .returning({ id: cases.id });
  return rows.map((r) => r.id);
}

export interface TestSource {
  caseId?: string | null;
  lifeArea?: LifeArea | null;
  kommuneId?: string | null;
  excerpt?: string;
  kind?: ThemeSourceKind;
  createdAt?: Date;
}

/** A theme as the registry holds it, written directly so tests can shape sources freely. */
export async function insertTheme(
  db: Database,
  tenantId: string,
  userId: string,
  options: {
    title: string;
    text?: string;
    status?: ThemeStatus;
    lifeAreas?: LifeArea[];
    urgency?: "low" | "medium" | "high";
    sources?: TestSource[];
  },
): Promise<{ id: string; sourceIds: string[] }> {
  const text = options.text ?? options.title;
  const description = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] };
  const [theme] = await db
    .insert(themes)
    .values({
      tenantId,
      title: options.title,
      description,
      descriptionText: text,
      status: options.status ?? "identified",
      urgency: options.urgency ?? "medium",
      lifeAreas: options.lifeAreas ?? [],
      createdByUserId: userId,
    })
    .returning({ id: themes.id });
  await db.insert(themeVersions).values({ themeId: theme!.id, version: 1, title: options.title, description, createdByUserId: userId });
  await db
    .insert(themeStatusChanges)
    .values({ themeId: theme!.id, fromStatus: null, toStatus: options.status ?? "identified", note: "", actorUserId: userId });
  const sources = options.sources ?? [];
  const inserted = sources.length
    ? await db
        .insert(themeSources)
        .values(
          sources.map((s) => ({
            themeId: theme!.id,
            tenantId,
            kind: s.kind ?? ("cm_report" as const),
            caseId: s.caseId ?? null,
            lifeArea: s.lifeArea ?? null,
            kommuneId: s.kommuneId ?? null,
            excerpt: s.excerpt ?? "",
            ...(s.createdAt ? { createdAt: s.createdAt } : {}),
          })),
        )
        .returning({ id: themeSources.id })
    : [];
  return { id: theme!.id, sourceIds: inserted.map((s) => s.id) };
}
