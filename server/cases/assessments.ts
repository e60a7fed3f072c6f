import { and, asc, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { assessments, cases } from "@/db/schema";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../auth/policy";
import { AppError } from "../errors";
import type { SaveAssessmentInput } from "../schemas/assessments";
import { guidingQuestions, lifeAreas, scaleItems, type LifeArea } from "../schemas/case-kinds";
import { requireCase } from "./policy";

export type AssessmentRow = typeof assessments.$inferSelect;
export type AssessmentListEntry = AssessmentRow & {
  /** The newest assessment of its life area: the only one that may still be edited in place. */
  isLatestOfArea: boolean;
};

async function loadAssessments(db: Database, caseId: string): Promise<AssessmentListEntry[]> {
  // The life_area enum sorts in declaration order, which is the order of the forms.
  const rows = await db
    .select()
    .from(assessments)
    .where(eq(assessments.caseId, caseId))
    .orderBy(asc(assessments.lifeArea), asc(assessments.assessedOn), asc(assessments.createdAt), asc(assessments.id));
  const latestByArea = new Map<LifeArea, string>();
  for (const row of rows) latestByArea.set(row.lifeArea, row.id);
  return rows.map((row) => ({ ...row, isLatestOfArea: latestByArea.get(row.lifeArea) === row.id }));
}

/** Every assessment of the case, by life area and then by date (oldest first). */
export async function listAssessments(db: Database, actor: Actor, caseId: string): Promise<AssessmentListEntry[]> {
  await requireCase(db, actor, caseId, "readContent");
  return loadAssessments(db, caseId);
}

function withoutEmptyEntries(input: SaveAssessmentInput) {
  const answers = Object.fromEntries(Object.entries(input.answers).filter(([, answer]) => answer !== ""));
  const scales = Object.fromEntries(Object.entries(input.scales).filter(([, entry]) => entry.rating !== null || entry.remark !== ""));
  return { answers, scales };
}

/**
 * Saves one life area's assessment. History is append-only in time: a new assessment must be dated
 * after the area's latest one, and only the latest may be edited in place (same id, same date).
 * First assessment or re-assessment must match that history.
 */
export async function saveAssessment(db: Database, actor: Actor, input: SaveAssessmentInput) {
  await requireCase(db, actor, input.caseId, "write");
  const { id, caseId, lifeArea } = input;
  const values = {
    lifeArea,
    isReassessment: input.isReassessment,
    assessedOn: input.assessedOn,
    participants: input.participants,
    resources: input.resources,
    wishes: input.wishes,
    residenceStatus: lifeArea === "legal_status" ? input.residenceStatus : null,
    ...withoutEmptyEntries(input),
  };
  return db.transaction(async (tx) => {
    // One save per case at a time, so two open tabs cannot both take the same date.
    await tx.select({ id: cases.id }).from(cases).where(eq(cases.id, caseId)).for("update");
    const areaRows = await tx
      .select()
      .from(assessments)
      .where(and(eq(assessments.caseId, caseId), eq(assessments.lifeArea, lifeArea)))
      .orderBy(asc(assessments.assessedOn), asc(assessments.createdAt), asc(assessments.id));
    const latest = areaRows.at(-1) ?? null;

    let editing: AssessmentRow | null = null;
    if (id) {
      const [source] = await tx
        .select()
        .from(assessments)
        .where(and(eq(assessments.id, id), eq(assessments.caseId, caseId)));
      if (!source) throw new AppError("NOT_FOUND", "errors.notFound");
      if (source.lifeArea !== lifeArea) throw new AppError("INVALID_INPUT", "assessments.errors.lifeAreaChanged", "lifeArea");
      if (source.assessedOn === input.assessedOn) {
        if (latest?.id !== source.id) throw new AppError("CONFLICT", "assessments.errors.superseded");
        editing = source;
      }
    }

    if (!editing && latest && input.assessedOn <= latest.assessedOn) {
      throw new AppError("CONFLICT", "assessments.errors.notAfterLatest", "assessedOn", { date: germanDate(latest.assessedOn) });
    }
    const hasEarlier = editing ? areaRows.length > 1 : areaRows.length > 0;
    if (input.isReassessment !== hasEarlier) {
      throw new AppError(
        "CONFLICT",
        hasEarlier ? "assessments.errors.firstAfterPrevious" : "assessments.errors.reassessmentWithoutPrevious",
        "isReassessment",
      );
    }

    const [saved] = editing
      ? await tx.update(assessments).set(values).where(eq(assessments.id, editing.id)).returning()
      : await tx
          .insert(assessments)
          .values({ caseId, ...values })
          .returning();
    await recordAuditEvent(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: "cases.assessment_saved",
      target: { type: "case", id: caseId },
      details: { assessmentId: saved!.id, lifeArea, isReassessment: input.isReassessment, created: !editing },
    });
    return { assessment: saved!, created: !editing };
  });
}

function germanDate(isoDate: string): string {
  const [year, month, day] = isoDate.split("-");
  return `${day}.${month}.${year}`;
}

export interface AssessmentPoint {
  assessmentId: string;
  assessedOn: string;
  isReassessment: boolean;
  /** Per scale item of the area; null where the item was not rated. */
  ratings: Record<string, number | null>;
  /** Mean of the rated items, one decimal; null when nothing was rated. */
  average: number | null;
}

export interface ScaleChange {
  item: string;
  previous: number | null;
  current: number | null;
  /** current − previous; null unless both were rated. */
  delta: number | null;
  previousRemark: string;
  currentRemark: string;
}

export interface TextChange {
  field: "participants" | "answer" | "resources" | "wishes" | "residenceStatus";
  /** The guiding question, for field "answer". */
  question: string | null;
  previous: string | null;
  current: string | null;
}

export interface AreaComparison {
  lifeArea: LifeArea;
  scaleItems: readonly string[];
  /** Oldest first, for charts. */
  series: AssessmentPoint[];
  /** The latest two assessments side by side; null until the area has two. */
  comparison: {
    previous: { assessmentId: string; assessedOn: string; isReassessment: boolean };
    current: { assessmentId: string; assessedOn: string; isReassessment: boolean };
    scales: ScaleChange[];
    changes: TextChange[];
  } | null;
}

function averageOf(ratings: (number | null)[]): number | null {
  const rated = ratings.filter((rating): rating is number => rating !== null);
  if (rated.length === 0) return null;
  return Math.round((rated.reduce((sum, rating) => sum + rating, 0) / rated.length) * 10) / 10;
}

/** Ratings over time per life area and what changed between each area's latest two assessments. */
export function compareAssessmentRows(rows: readonly AssessmentRow[]): AreaComparison[] {
  return lifeAreas.map((lifeArea) => {
    const items: readonly string[] = scaleItems[lifeArea];
    const areaRows = rows
      .filter((row) => row.lifeArea === lifeArea)
      .sort((a, b) => a.assessedOn.localeCompare(b.assessedOn) || a.createdAt.getTime() - b.createdAt.getTime());
    const series = areaRows.map((row): AssessmentPoint => {
      const ratings = Object.fromEntries(items.map((item) => [item, row.scales[item]?.rating ?? null]));
      return {
        assessmentId: row.id,
        assessedOn: row.assessedOn,
        isReassessment: row.isReassessment,
        ratings,
        average: averageOf(Object.values(ratings)),
      };
    });
    const previous = areaRows.at(-2);
    const current = areaRows.at(-1);
    if (!previous || !current) return { lifeArea, scaleItems: items, series, comparison: null };

    const scales = items.map((item): ScaleChange => {
      const before = previous.scales[item];
      const after = current.scales[item];
      const previousRating = before?.rating ?? null;
      const currentRating = after?.rating ?? null;
      return {
        item,
        previous: previousRating,
        current: currentRating,
        delta: previousRating !== null && currentRating !== null ? currentRating - previousRating : null,
        previousRemark: before?.remark ?? "",
        currentRemark: after?.remark ?? "",
      };
    });
    const changes: TextChange[] = [];
    const compareText = (field: TextChange["field"], question: string | null, before: string | null, after: string | null) => {
      if ((before ?? "") !== (after ?? "")) changes.push({ field, question, previous: before || null, current: after || null });
    };
    compareText("participants", null, previous.participants, current.participants);
    for (const question of guidingQuestions[lifeArea]) {
      compareText("answer", question, previous.answers[question] ?? null, current.answers[question] ?? null);
    }
    compareText("resources", null, previous.resources, current.resources);
    compareText("wishes", null, previous.wishes, current.wishes);
    if (lifeArea === "legal_status") compareText("residenceStatus", null, previous.residenceStatus, current.residenceStatus);
    const summary = (row: AssessmentRow) => ({ assessmentId: row.id, assessedOn: row.assessedOn, isReassessment: row.isReassessment });
    return { lifeArea, scaleItems: items, series, comparison: { previous: summary(previous), current: summary(current), scales, changes } };
  });
}

export async function compareAssessments(db: Database, actor: Actor, caseId: string): Promise<AreaComparison[]> {
  await requireCase(db, actor, caseId, "readContent");
  return compareAssessmentRows(await loadAssessments(db, caseId));
}
