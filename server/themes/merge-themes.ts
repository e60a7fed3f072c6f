import { and, asc, eq, inArray } from "drizzle-orm";
import type { Database, Executor } from "@/db";
import { themeMerges, themes, themeSourceMoves, themeSources, themeStatusChanges, themeVersions } from "@/db/schema";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../auth/policy";
import { AppError } from "../errors";
import { translate } from "../i18n/translate";
import { validateRichText, type RichTextDoc } from "../rich-text/validate";
import type { MergeThemesInput, SplitThemeInput, UndoMergeInput } from "../schemas/themes";
import { requireThemesManage } from "./registry";

/** Locks the themes in a fixed order (by id), so two concurrent merges cannot deadlock. */
async function lockThemes(tx: Executor, actor: Actor, ids: string[]) {
  const rows = await tx
    .select({
      id: themes.id,
      title: themes.title,
      status: themes.status,
      tenantId: themes.tenantId,
      mergedIntoThemeId: themes.mergedIntoThemeId,
      lifeAreas: themes.lifeAreas,
      tags: themes.tags,
      urgency: themes.urgency,
    })
    .from(themes)
    .where(inArray(themes.id, ids))
    .orderBy(asc(themes.id))
    .for("update");
  return ids.map((id) => {
    const row = rows.find((r) => r.id === id);
    if (!row || row.tenantId !== actor.tenantId) throw new AppError("NOT_FOUND", "errors.notFound");
    return row;
  });
}

/** A note in a theme's history that keeps its status: merges and splits are steps of provenance, not of the path. */
async function noteInHistory(
  tx: Executor,
  actor: Actor,
  theme: { id: string; status: (typeof themes.$inferSelect)["status"] },
  note: string,
) {
  await tx
    .insert(themeStatusChanges)
    .values({ themeId: theme.id, fromStatus: theme.status, toStatus: theme.status, note, actorUserId: actor.userId });
}

function withNote(text: string, note: string) {
  return note ? `${text} ${note}` : text;
}

/**
 * Merges a duplicate into a theme: every source moves to the target, each move recorded under the
 * merge so that undoing it moves exactly those back. The merged theme stays, hidden inside the target.
 */
export async function mergeThemes(db: Database, actor: Actor, input: MergeThemesInput) {
  requireThemesManage(actor);
  return db.transaction(async (tx) => {
    const [target, merged] = await lockThemes(tx, actor, [input.targetThemeId, input.mergedThemeId]);
    if (target!.mergedIntoThemeId) throw new AppError("CONFLICT", "themes.errors.targetMerged", "targetThemeId");
    if (merged!.mergedIntoThemeId) throw new AppError("CONFLICT", "themes.errors.alreadyMerged", "mergedThemeId");
    const [merge] = await tx
      .insert(themeMerges)
      .values({
        tenantId: actor.tenantId,
        targetThemeId: target!.id,
        mergedThemeId: merged!.id,
        note: input.note,
        mergedByUserId: actor.userId,
      })
      .returning({ id: themeMerges.id });
    const moving = await tx
      .select({ id: themeSources.id })
      .from(themeSources)
      .where(and(eq(themeSources.themeId, merged!.id), eq(themeSources.tenantId, actor.tenantId)));
    if (moving.length > 0) {
      await tx
        .update(themeSources)
        .set({ themeId: target!.id })
        .where(
          inArray(
            themeSources.id,
            moving.map((s) => s.id),
          ),
        );
      await tx.insert(themeSourceMoves).values(
        moving.map((s) => ({
          sourceId: s.id,
          fromThemeId: merged!.id,
          toThemeId: target!.id,
          reason: "merge" as const,
          mergeId: merge!.id,
          actorUserId: actor.userId,
        })),
      );
    }
    await tx.update(themes).set({ mergedIntoThemeId: target!.id }).where(eq(themes.id, merged!.id));
    await noteInHistory(tx, actor, merged!, withNote(translate("themes.notes.mergedInto", { title: target!.title }), input.note));
    await noteInHistory(tx, actor, target!, withNote(translate("themes.notes.mergedFrom", { title: merged!.title }), input.note));
    await recordAuditEvent(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: "themes.merged",
      target: { type: "theme", id: target!.id },
      details: { mergeId: merge!.id, mergedThemeId: merged!.id, sources: moving.length },
    });
    return { mergeId: merge!.id, movedSources: moving.length };
  });
}

/**
 * Undoes a merge: exactly the sources moved by it go back and the merged theme is visible again.
 * Refused while a later merge or split has moved any of them on, so nothing lands where it never was.
 */
export async function undoMerge(db: Database, actor: Actor, input: UndoMergeInput) {
  requireThemesManage(actor);
  return db.transaction(async (tx) => {
    const [merge] = await tx.select().from(themeMerges).where(eq(themeMerges.id, input.mergeId)).for("update");
    if (!merge || merge.tenantId !== actor.tenantId) throw new AppError("NOT_FOUND", "errors.notFound");
    if (merge.undoneAt) throw new AppError("CONFLICT", "themes.errors.mergeUndone");
    const [target, merged] = await lockThemes(tx, actor, [merge.targetThemeId, merge.mergedThemeId]);
    const moves = await tx
      .select({ sourceId: themeSourceMoves.sourceId })
      .from(themeSourceMoves)
      .where(and(eq(themeSourceMoves.mergeId, merge.id), eq(themeSourceMoves.reason, "merge")));
    const sourceIds = moves.map((m) => m.sourceId);
    if (sourceIds.length > 0) {
      const current = await tx
        .select({ id: themeSources.id, themeId: themeSources.themeId })
        .from(themeSources)
        .where(inArray(themeSources.id, sourceIds))
        .for("update");
      if (current.length !== sourceIds.length || current.some((s) => s.themeId !== target!.id))
        throw new AppError("CONFLICT", "themes.errors.movedSince");
      await tx.update(themeSources).set({ themeId: merged!.id }).where(inArray(themeSources.id, sourceIds));
      await tx.insert(themeSourceMoves).values(
        sourceIds.map((sourceId) => ({
          sourceId,
          fromThemeId: target!.id,
          toThemeId: merged!.id,
          reason: "unmerge" as const,
          mergeId: merge.id,
          actorUserId: actor.userId,
        })),
      );
    }
    await tx.update(themes).set({ mergedIntoThemeId: null }).where(eq(themes.id, merged!.id));
    await tx.update(themeMerges).set({ undoneAt: new Date(), undoneByUserId: actor.userId }).where(eq(themeMerges.id, merge.id));
    await noteInHistory(tx, actor, merged!, translate("themes.notes.unmergedFrom", { title: target!.title }));
    await noteInHistory(tx, actor, target!, translate("themes.notes.unmergedInto", { title: merged!.title }));
    await recordAuditEvent(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: "themes.merge_undone",
      target: { type: "theme", id: target!.id },
      details: { mergeId: merge.id, mergedThemeId: merged!.id, sources: sourceIds.length },
    });
    return { themeId: merged!.id, movedSources: sourceIds.length };
  });
}

/** Plain text from a form as the editor's rich text: one paragraph per line. */
export function plainTextToRichText(text: string): { doc: RichTextDoc; text: string } {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.replace(/\t/g, " ").trim())
    .filter(Boolean);
  const doc = {
    type: "doc",
    content: lines.length ? lines.map((line) => ({ type: "paragraph", content: [{ type: "text", text: line }] })) : [{ type: "paragraph" }],
  };
  return validateRichText(doc);
}

/**
 * Splits a theme: the chosen sources form a new theme with its own wording, each move recorded.
 * The original keeps at least one source, otherwise it would be a rename, not a split.
 */
export async function splitTheme(db: Database, actor: Actor, input: SplitThemeInput) {
  requireThemesManage(actor);
  const wording = plainTextToRichText(input.description);
  return db.transaction(async (tx) => {
    const [origin] = await lockThemes(tx, actor, [input.themeId]);
    if (origin!.mergedIntoThemeId) throw new AppError("CONFLICT", "themes.errors.alreadyMerged", "themeId");
    const own = await tx
      .select({ id: themeSources.id })
      .from(themeSources)
      .where(and(eq(themeSources.themeId, origin!.id), eq(themeSources.tenantId, actor.tenantId)))
      .for("update");
    const picked = [...new Set(input.sourceIds)];
    if (picked.some((id) => !own.some((s) => s.id === id))) throw new AppError("NOT_FOUND", "themes.errors.sourceNotInTheme", "sourceIds");
    if (picked.length >= own.length) throw new AppError("CONFLICT", "themes.errors.splitAll", "sourceIds");
    const [created] = await tx
      .insert(themes)
      .values({
        tenantId: actor.tenantId,
        title: input.title,
        description: wording.doc,
        descriptionText: wording.text,
        lifeAreas: origin!.lifeAreas,
        tags: origin!.tags,
        urgency: origin!.urgency,
        status: "identified",
        createdByUserId: actor.userId,
      })
      .returning({ id: themes.id });
    const themeId = created!.id;
    await tx
      .insert(themeVersions)
      .values({ themeId, version: 1, title: input.title, description: wording.doc, createdByUserId: actor.userId });
    await tx.insert(themeStatusChanges).values({
      themeId,
      fromStatus: null,
      toStatus: "identified",
      note: translate("themes.notes.splitFrom", { title: origin!.title }),
      actorUserId: actor.userId,
    });
    await tx.update(themeSources).set({ themeId }).where(inArray(themeSources.id, picked));
    await tx.insert(themeSourceMoves).values(
      picked.map((sourceId) => ({
        sourceId,
        fromThemeId: origin!.id,
        toThemeId: themeId,
        reason: "split" as const,
        actorUserId: actor.userId,
      })),
    );
    await noteInHistory(tx, actor, origin!, translate("themes.notes.splitInto", { title: input.title }));
    await recordAuditEvent(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: "themes.split",
      target: { type: "theme", id: origin!.id },
      details: { newThemeId: themeId, sources: picked.length },
    });
    return { themeId };
  });
}
