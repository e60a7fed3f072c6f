import { randomBytes } from "node:crypto";
import type { Database } from "@/db";
import { cases, themeSources, themes, themeStatusChanges, themeVersions } from "@/db/schema";
import type { LifeArea } from "../schemas/case-kinds";
import type { ThemeSourceKind, ThemeStatus } from "../schemas/theme-kinds";

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
            kommuneId: s.kommuneId ?? null,
            excerpt: s.excerpt ?? "",
            ...(s.createdAt ? { createdAt: s.createdAt } : {}),
          })),
        )
        .returning({ id: themeSources.id })
    : [];
  return { id: theme!.id, sourceIds: inserted.map((s) => s.id) };
}
