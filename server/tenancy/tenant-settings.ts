import { eq } from "drizzle-orm";
import type { Database } from "@/db";
import { tenants } from "@/db/schema";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../auth/policy";
import { conferenceTypes, type ConferenceType } from "../schemas/conference-kinds";
import type { UpdateTenantSettingsInput } from "../schemas/tenancy";
import { defaultBoardParticipantLimit } from "../schemas/tenancy-kinds";
import { assertCanManageTenancy } from "./policy";

const settingsColumns = {
  name: tenants.name,
  caseloadKey: tenants.caseloadKey,
  identityRetentionDays: tenants.identityRetentionDays,
  monthlyReportDeadlineDay: tenants.monthlyReportDeadlineDay,
  minimumGroupSize: tenants.minimumGroupSize,
  reconstructionTarget: tenants.reconstructionTarget,
  boardParticipantLimits: tenants.boardParticipantLimits,
};

/** Every conference type's limit: a type the tenant never set (or one added later) has the default. */
export function completeBoardParticipantLimits(stored: Partial<Record<ConferenceType, number>>): Record<ConferenceType, number> {
  return Object.fromEntries(conferenceTypes.map((type) => [type, stored[type] ?? defaultBoardParticipantLimit])) as Record<
    ConferenceType,
    number
  >;
}

function withCompleteLimits<T extends { boardParticipantLimits: Partial<Record<ConferenceType, number>> }>(settings: T) {
  return { ...settings, boardParticipantLimits: completeBoardParticipantLimits(settings.boardParticipantLimits) };
}

export async function getTenantSettings(db: Database, actor: Actor) {
  const [settings] = await db.select(settingsColumns).from(tenants).where(eq(tenants.id, actor.tenantId));
  return withCompleteLimits(settings!);
}

export async function updateTenantSettings(db: Database, actor: Actor, input: UpdateTenantSettingsInput) {
  assertCanManageTenancy(actor);
  return db.transaction(async (tx) => {
    const [settings] = await tx.update(tenants).set(input).where(eq(tenants.id, actor.tenantId)).returning(settingsColumns);
    await recordAuditEvent(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: "tenancy.settings_updated",
      details: { ...input },
    });
    return withCompleteLimits(settings!);
  });
}
