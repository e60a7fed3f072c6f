import { eq } from "drizzle-orm";
import type { Executor } from "@/db";
import { themes } from "@/db/schema";
import type { Actor } from "../auth/policy";
import type { ThemeStatus } from "../schemas/theme-kinds";
import { recordThemeStatus } from "../themes/status";
import { isStepForward } from "./policy";

/**
 * Records a step a proposal or Vorlage implies, but only forwards: a late proposal on a theme that
 * already has its Vorlage must not move the theme back.
 */
export async function advanceTheme(tx: Executor, actor: Actor, themeId: string, to: ThemeStatus, note: string): Promise<void> {
  const [theme] = await tx.select({ status: themes.status }).from(themes).where(eq(themes.id, themeId));
  if (theme && !isStepForward(theme.status, to)) return;
  await recordThemeStatus(tx, actor, themeId, to, note);
}
