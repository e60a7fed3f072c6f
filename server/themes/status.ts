import { eq } from "drizzle-orm";
import type { Executor } from "@/db";
import { themeStatusChanges, themes } from "@/db/schema";
import type { Actor } from "../auth/policy";
import { AppError } from "../errors";
import type { ThemeStatus } from "../schemas/theme-kinds";

/**
 * Moves a theme along the steering path and keeps the step in its history, with who took it and
 * why. Other modules call this when their own step implies one (a Vorlage, a decision, ...).
 */
export async function recordThemeStatus(tx: Executor, actor: Actor, themeId: string, to: ThemeStatus, note: string): Promise<void> {
  const [theme] = await tx
    .select({ status: themes.status, tenantId: themes.tenantId })
    .from(themes)
    .where(eq(themes.id, themeId))
    .for("update");
  if (!theme || theme.tenantId !== actor.tenantId) throw new AppError("NOT_FOUND", "errors.notFound");
  if (theme.status === to) return;
  await tx.update(themes).set({ status: to }).where(eq(themes.id, themeId));
  await tx.insert(themeStatusChanges).values({ themeId, fromStatus: theme.status, toStatus: to, note, actorUserId: actor.userId });
}

/** Statuses a theme leaves only by being reopened by hand: its path has ended. */
export const finalThemeStatuses: readonly ThemeStatus[] = ["closed", "rejected"];

/**
 * The steps the coordination may take by hand, in one place: forward along the path one step at a
 * time, and from any open state to rejected or parked. Steps that other modules imply (a decision,
 * a Vorlage) go through `recordThemeStatus` and are not limited by this table.
 */
export const manualThemeTransitions: Readonly<Record<ThemeStatus, readonly ThemeStatus[]>> = {
  identified: ["reviewed", "rejected", "parked"],
  reviewed: ["on_agenda", "rejected", "parked"],
  on_agenda: ["assigned", "rejected", "parked"],
  assigned: ["proposal_in_work", "rejected", "parked"],
  proposal_in_work: ["vorlage", "rejected", "parked"],
  vorlage: ["decided", "rejected", "parked"],
  // A decision may need no implementation of its own.
  decided: ["in_implementation", "closed", "rejected", "parked"],
  in_implementation: ["implemented", "rejected", "parked"],
  implemented: ["closed"],
  closed: [],
  rejected: [],
  // A parked theme is taken up again by reviewing it anew.
  parked: ["reviewed", "rejected"],
};

export function isManualThemeTransitionAllowed(from: ThemeStatus, to: ThemeStatus): boolean {
  return manualThemeTransitions[from].includes(to);
}
