import { diffWords } from "diff";
import { and, asc, desc, eq, max, or } from "drizzle-orm";
import type { Database, Executor } from "@/db";
import { bodies, proposals, themes, users, vorlagen, vorlageVersions } from "@/db/schema";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../auth/policy";
import { AppError } from "../errors";
import { translate } from "../i18n/translate";
import { validateRichText, type RichTextDoc } from "../rich-text/validate";
import type { CreateVorlageInput, SaveVorlageVersionInput, VorlageDiffInput, VorlageVersionInput } from "../schemas/decisions";
import { countViewFor } from "../aggregates/count-view";
import { buildEvidencePack, showEvidencePack, type EvidencePack } from "./evidence";
import { requireCoordination, steeringViewerOf, type SteeringViewer } from "./policy";
import { advanceTheme } from "./theme-progress";

type VorlageRow = typeof vorlagen.$inferSelect;

async function lenkungsgruppenOf(db: Executor, tenantId: string): Promise<Set<string>> {
  const rows = await db
    .select({ id: bodies.id })
    .from(bodies)
    .where(and(eq(bodies.tenantId, tenantId), eq(bodies.kind, "lenkungsgruppe")));
  return new Set(rows.map((r) => r.id));
}

/**
 * A Vorlage goes to the Lenkungsgruppe, so its members read it; the group whose proposal it grew
 * from reads it too. Everyone else on the platform does not.
 */
async function mayRead(db: Executor, viewer: SteeringViewer, vorlage: VorlageRow): Promise<boolean> {
  if (viewer.isCoordination) return true;
  if (viewer.memberBodyIds.size === 0) return false;
  const steering = await lenkungsgruppenOf(db, vorlage.tenantId);
  if ([...viewer.memberBodyIds].some((id) => steering.has(id))) return true;
  if (!vorlage.proposalId) return false;
  const [proposal] = await db.select({ bodyId: proposals.bodyId }).from(proposals).where(eq(proposals.id, vorlage.proposalId));
  return !!proposal && viewer.memberBodyIds.has(proposal.bodyId);
}

async function loadReadable(db: Database, actor: Actor, vorlageId: string) {
  const [vorlage] = await db
    .select()
    .from(vorlagen)
    .where(and(eq(vorlagen.id, vorlageId), eq(vorlagen.tenantId, actor.tenantId)));
  const viewer = steeringViewerOf(actor);
  if (!vorlage || !(await mayRead(db, viewer, vorlage))) throw new AppError("NOT_FOUND", "errors.notFound");
  return { vorlage, viewer };
}

/** The coordination turns a proposal (or a theme directly) into a Vorlage; its first version is saved at once. */
export async function createVorlage(db: Database, actor: Actor, input: CreateVorlageInput) {
  requireCoordination(steeringViewerOf(actor));
  let themeId = input.themeId;
  let proposalId: string | null = null;
  if (input.proposalId) {
    const [proposal] = await db
      .select()
      .from(proposals)
      .where(and(eq(proposals.id, input.proposalId), eq(proposals.tenantId, actor.tenantId)));
    if (!proposal) throw new AppError("NOT_FOUND", "errors.notFound");
    if (themeId && themeId !== proposal.themeId) throw new AppError("INVALID_INPUT", "decisions.errors.proposalOfOtherTheme", "themeId");
    themeId = proposal.themeId;
    proposalId = proposal.id;
  }
  const [theme] = await db
    .select({ id: themes.id })
    .from(themes)
    .where(and(eq(themes.id, themeId!), eq(themes.tenantId, actor.tenantId)));
  if (!theme) throw new AppError("NOT_FOUND", "errors.notFound");
  const { doc, text } = validateRichText(input.body);
  return db.transaction(async (tx) => {
    const [vorlage] = await tx
      .insert(vorlagen)
      .values({ tenantId: actor.tenantId, themeId: theme.id, proposalId, title: input.title, createdByUserId: actor.userId })
      .returning({ id: vorlagen.id });
    // The step is recorded first, so the pack's history ends with this Vorlage.
    await advanceTheme(tx, actor, theme.id, "vorlage", translate("decisions.notes.vorlageSaved", { title: input.title, version: 1 }));
    const evidence = await buildEvidencePack(tx, actor.tenantId, theme.id);
    await tx
      .insert(vorlageVersions)
      .values({ vorlageId: vorlage!.id, version: 1, body: doc, bodyText: text, evidence: { ...evidence }, createdByUserId: actor.userId });
    if (proposalId) await tx.update(proposals).set({ status: "in_vorlage" }).where(eq(proposals.id, proposalId));
    await recordAuditEvent(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: "steering.vorlage_created",
      target: { type: "theme", id: theme.id },
      details: { vorlageId: vorlage!.id, proposalId },
    });
    return { id: vorlage!.id, version: 1 };
  });
}

/**
 * A new version, saved against the version the editor started from: if a colleague saved in
 * between, the save is refused rather than silently overwriting their text.
 */
export async function saveVorlageVersion(db: Database, actor: Actor, input: SaveVorlageVersionInput) {
  requireCoordination(steeringViewerOf(actor));
  const { doc, text } = validateRichText(input.body);
  return db.transaction(async (tx) => {
    const [vorlage] = await tx
      .select()
      .from(vorlagen)
      .where(and(eq(vorlagen.id, input.vorlageId), eq(vorlagen.tenantId, actor.tenantId)))
      .for("update");
    if (!vorlage) throw new AppError("NOT_FOUND", "errors.notFound");
    if (vorlage.status === "decided") throw new AppError("CONFLICT", "decisions.errors.vorlageDecided");
    const [latest] = await tx
      .select({ version: max(vorlageVersions.version) })
      .from(vorlageVersions)
      .where(eq(vorlageVersions.vorlageId, vorlage.id));
    const current = latest?.version ?? 0;
    if (current !== input.expectedVersion) throw new AppError("CONFLICT", "decisions.errors.staleVersion", undefined, { version: current });
    const version = current + 1;
    await advanceTheme(tx, actor, vorlage.themeId, "vorlage", translate("decisions.notes.vorlageSaved", { title: input.title, version }));
    const evidence = await buildEvidencePack(tx, actor.tenantId, vorlage.themeId);
    await tx
      .insert(vorlageVersions)
      .values({ vorlageId: vorlage.id, version, body: doc, bodyText: text, evidence: { ...evidence }, createdByUserId: actor.userId });
    await tx.update(vorlagen).set({ title: input.title }).where(eq(vorlagen.id, vorlage.id));
    await recordAuditEvent(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: "steering.vorlage_version_saved",
      target: { type: "theme", id: vorlage.themeId },
      details: { vorlageId: vorlage.id, version },
    });
    return { id: vorlage.id, version };
  });
}

export async function listVorlagen(db: Database, actor: Actor) {
  const viewer = steeringViewerOf(actor);
  if (!viewer.isCoordination && viewer.memberBodyIds.size === 0) return [];
  const rows = await db
    .select({ vorlage: vorlagen, themeTitle: themes.title, latestVersion: max(vorlageVersions.version) })
    .from(vorlagen)
    .innerJoin(themes, eq(themes.id, vorlagen.themeId))
    .leftJoin(vorlageVersions, eq(vorlageVersions.vorlageId, vorlagen.id))
    .where(eq(vorlagen.tenantId, actor.tenantId))
    .groupBy(vorlagen.id, themes.title)
    .orderBy(desc(vorlagen.updatedAt), desc(vorlagen.id));
  const readable = [];
  for (const row of rows) {
    if (await mayRead(db, viewer, row.vorlage)) {
      readable.push({
        id: row.vorlage.id,
        title: row.vorlage.title,
        status: row.vorlage.status,
        themeId: row.vorlage.themeId,
        themeTitle: row.themeTitle,
        latestVersion: row.latestVersion ?? 0,
        updatedAt: row.vorlage.updatedAt,
      });
    }
  }
  return readable;
}

/** The Vorlage with its versions, its latest text and evidence as the viewer may see it. */
export async function getVorlage(db: Database, actor: Actor, vorlageId: string) {
  const { vorlage, viewer } = await loadReadable(db, actor, vorlageId);
  const [theme] = await db
    .select({ id: themes.id, title: themes.title, status: themes.status })
    .from(themes)
    .where(eq(themes.id, vorlage.themeId));
  const versions = await db
    .select({ version: vorlageVersions.version, createdAt: vorlageVersions.createdAt, authorName: users.displayName })
    .from(vorlageVersions)
    .innerJoin(users, eq(users.id, vorlageVersions.createdByUserId))
    .where(eq(vorlageVersions.vorlageId, vorlage.id))
    .orderBy(asc(vorlageVersions.version));
  const latest = versions.at(-1)?.version ?? 0;
  const current = latest ? await getVorlageVersion(db, actor, { vorlageId: vorlage.id, version: latest }) : null;
  return {
    id: vorlage.id,
    title: vorlage.title,
    status: vorlage.status,
    theme: theme!,
    versions,
    current,
    abilities: { edit: viewer.isCoordination && vorlage.status !== "decided" },
  };
}

export async function getVorlageVersion(db: Database, actor: Actor, input: VorlageVersionInput) {
  const { vorlage } = await loadReadable(db, actor, input.vorlageId);
  const [row] = await db
    .select({
      version: vorlageVersions.version,
      body: vorlageVersions.body,
      bodyText: vorlageVersions.bodyText,
      evidence: vorlageVersions.evidence,
      createdAt: vorlageVersions.createdAt,
      authorName: users.displayName,
    })
    .from(vorlageVersions)
    .innerJoin(users, eq(users.id, vorlageVersions.createdByUserId))
    .where(and(eq(vorlageVersions.vorlageId, vorlage.id), eq(vorlageVersions.version, input.version)));
  if (!row) throw new AppError("NOT_FOUND", "errors.notFound");
  const view = await countViewFor(db, actor);
  const [theme] = await db.select({ title: themes.title }).from(themes).where(eq(themes.id, vorlage.themeId));
  return {
    vorlageId: vorlage.id,
    title: vorlage.title,
    themeId: vorlage.themeId,
    themeTitle: theme?.title ?? "",
    version: row.version,
    body: row.body as RichTextDoc,
    bodyText: row.bodyText,
    createdAt: row.createdAt,
    authorName: row.authorName,
    evidence: showEvidencePack(row.evidence as unknown as EvidencePack, view),
  };
}

export type DiffPart = { kind: "same" | "added" | "removed"; text: string };

/** Word-level changes from one plain text to another. */
export function diffTexts(before: string, after: string): DiffPart[] {
  return diffWords(before, after).map((change) => ({
    kind: change.added ? "added" : change.removed ? "removed" : "same",
    text: change.value,
  }));
}

/** What changed between two versions of a Vorlage, word by word. */
export async function diffVorlageVersions(db: Database, actor: Actor, input: VorlageDiffInput) {
  const { vorlage } = await loadReadable(db, actor, input.vorlageId);
  const rows = await db
    .select({ version: vorlageVersions.version, bodyText: vorlageVersions.bodyText })
    .from(vorlageVersions)
    .where(
      and(eq(vorlageVersions.vorlageId, vorlage.id), or(eq(vorlageVersions.version, input.from), eq(vorlageVersions.version, input.to))),
    );
  const from = rows.find((r) => r.version === input.from);
  const to = rows.find((r) => r.version === input.to);
  if (!from || !to) throw new AppError("NOT_FOUND", "errors.notFound");
  return { from: input.from, to: input.to, parts: diffTexts(from.bodyText, to.bodyText) };
}
