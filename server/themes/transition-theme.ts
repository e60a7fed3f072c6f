import { eq } from "drizzle-orm";
import type { Database } from "@/db";
import { themes } from "@/db/schema";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../auth/policy";
import { AppError } from "../errors";
import type { SetThemeUrgencyInput, TransitionThemeInput } from "../schemas/themes";
import { requireThemesManage } from "./registry";
import { isManualThemeTransitionAllowed, recordThemeStatus } from "./status";

/** The coordination moves a theme one step by hand, with a note; jumps the path does not allow are refused. */
export async function transitionTheme(db: Database, actor: Actor, input: TransitionThemeInput) {
  requireThemesManage(actor);
  return db.transaction(async (tx) => {
    const [theme] = await tx
      .select({ status: themes.status, tenantId: themes.tenantId, mergedIntoThemeId: themes.mergedIntoThemeId })
      .from(themes)
      .where(eq(themes.id, input.themeId))
      .for("update");
    if (!theme || theme.tenantId !== actor.tenantId) throw new AppError("NOT_FOUND", "errors.notFound");
    if (theme.mergedIntoThemeId) throw new AppError("CONFLICT", "themes.errors.alreadyMerged");
    if (!isManualThemeTransitionAllowed(theme.status, input.to)) throw new AppError("CONFLICT", "themes.errors.transitionNotAllowed", "to");
    await recordThemeStatus(tx, actor, input.themeId, input.to, input.note);
    await recordAuditEvent(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: "themes.status_changed",
      target: { type: "theme", id: input.themeId },
      details: { from: theme.status, to: input.to },
    });
    return { status: input.to };
  });
}

export async function setThemeUrgency(db: Database, actor: Actor, input: SetThemeUrgencyInput) {
  requireThemesManage(actor);
  return db.transaction(async (tx) => {
    const [theme] = await tx
      .select({ urgency: themes.urgency, tenantId: themes.tenantId })
      .from(themes)
      .where(eq(themes.id, input.themeId))
      .for("update");
    if (!theme || theme.tenantId !== actor.tenantId) throw new AppError("NOT_FOUND", "errors.notFound");
    if (theme.urgency === input.urgency) return { urgency: input.urgency };
    await tx.update(themes).set({ urgency: input.urgency }).where(eq(themes.id, input.themeId));
    await recordAuditEvent(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: "themes.urgency_changed",
      target: { type: "theme", id: input.themeId },
      details: { from: theme.urgency, to: input.urgency },
    });
    return { urgency: input.urgency };
  });
}
