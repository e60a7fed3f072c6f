import { and, eq } from "drizzle-orm";
import type { Database, Executor } from "@/db";
import { conferencePhaseTemplates } from "@/db/schema";
import { recordAuditEvent } from "../audit/record-audit-event";
import { can, type Actor } from "../auth/policy";
import { AppError } from "../errors";
import { translate } from "../i18n/translate";
import type { ConferenceType, PhaseBoard, PhaseDefinition } from "../schemas/conference-kinds";
import type { SaveTemplateInput } from "../schemas/conference-templates";

/** The Ablaufplan a tenant starts with, per type, as the programme's manual describes the meetings. */
const defaultFlows: Record<ConferenceType, [key: string, board: PhaseBoard, minutes: number][]> = {
  fallkonferenz: [
    ["begruessung", "none", 5],
    ["fallvorstellung", "none", 10],
    ["rekonstruktion", "reconstruction", 25],
    ["ideen", "cards", 15],
    ["arbeitspakete", "work_packages", 15],
    ["naechster-termin", "none", 5],
  ],
  planungskonferenz: [
    ["begruessung", "none", 5],
    ["falldurchgang", "cards", 60],
    ["clustern", "clustering", 20],
    ["punkten", "voting", 10],
    ["formulieren", "formulation", 30],
    ["abschluss", "none", 5],
  ],
  fallrekonstruktion: [
    ["begruessung", "none", 5],
    ["verlauf", "timeline", 30],
    ["rekonstruktion", "cards", 30],
    ["zentrale-probleme", "clustering", 20],
    ["abgleich", "formulation", 15],
    ["abschluss", "none", 5],
  ],
};

export function defaultPhases(type: ConferenceType): PhaseDefinition[] {
  return defaultFlows[type].map(([key, board, minutes]) => ({
    key,
    board,
    minutes,
    title: translate(`conferences.phaseDefaults.${type}.${key}`),
  }));
}

/** The tenant's Ablaufplan for a type, or the default one when the tenant has not changed it. */
export async function phasesFor(db: Executor, tenantId: string, type: ConferenceType): Promise<PhaseDefinition[]> {
  const [row] = await db
    .select({ phases: conferencePhaseTemplates.phases })
    .from(conferencePhaseTemplates)
    .where(and(eq(conferencePhaseTemplates.tenantId, tenantId), eq(conferencePhaseTemplates.type, type)));
  return row?.phases ?? defaultPhases(type);
}

export async function listTemplates(db: Database, actor: Actor) {
  const types: ConferenceType[] = ["fallkonferenz", "planungskonferenz", "fallrekonstruktion"];
  return Promise.all(types.map(async (type) => ({ type, phases: await phasesFor(db, actor.tenantId, type) })));
}

/** Only the coordination shapes the programme's meetings; planned conferences keep their copy. */
export async function saveTemplate(db: Database, actor: Actor, input: SaveTemplateInput) {
  if (!can(actor, "conferences.templates", { tenantId: actor.tenantId })) throw new AppError("FORBIDDEN", "errors.forbidden");
  const keys = input.phases.map((p) => p.key);
  if (new Set(keys).size !== keys.length) throw new AppError("INVALID_INPUT", "conferences.templates.duplicateKey", "phases");
  await db.transaction(async (tx) => {
    await tx
      .insert(conferencePhaseTemplates)
      .values({ tenantId: actor.tenantId, type: input.type, phases: input.phases, updatedByUserId: actor.userId })
      .onConflictDoUpdate({
        target: [conferencePhaseTemplates.tenantId, conferencePhaseTemplates.type],
        set: { phases: input.phases, updatedByUserId: actor.userId },
      });
    await recordAuditEvent(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: "conferences.template_saved",
      target: { type: "conference_template", id: input.type },
      details: { phases: input.phases.length },
    });
  });
  return { type: input.type, phases: input.phases };
}
