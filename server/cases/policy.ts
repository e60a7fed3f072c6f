import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db";
import { cases } from "@/db/schema";
import { can, type Actor } from "../auth/policy";
import { AppError } from "../errors";

export type CaseRow = typeof cases.$inferSelect;

export interface CaseAbilities {
  /** Pseudonymised facts: pseudonym, status, Kommune, dates, responsible case manager. */
  readMetadata: boolean;
  /** Assessments, goals, plans, contacts, notes. */
  readContent: boolean;
  /** The Aktendeckblatt. */
  readIdentity: boolean;
  /** Changing anything in the case file. */
  write: boolean;
  /** Handing the case to another case manager: the coordination, while the case is open. */
  transfer: boolean;
  /** Erasing the case's identity and free text on request (Art. 17 GDPR): the coordination, once it is closed. */
  erase: boolean;
}

/**
 * Who may do what with one case. The responsible case manager works the case and alone sees who
 * the person is; the coordination of the tenant (or of the case's Kommune) sees it pseudonymised.
 */
export function caseAbilities(
  actor: Actor,
  caseRow: Pick<CaseRow, "tenantId" | "kommuneId" | "responsibleUserId" | "status"> & { identityErasedAt?: Date | null },
): CaseAbilities {
  const scope = { tenantId: caseRow.tenantId, kommuneId: caseRow.kommuneId };
  const isResponsible = caseRow.responsibleUserId === actor.userId && can(actor, "cases.work", scope);
  const coordinates = can(actor, "cases.coordinate", scope);
  return {
    readMetadata: isResponsible || coordinates,
    readContent: isResponsible,
    readIdentity: isResponsible,
    write: isResponsible && caseRow.status !== "closed",
    transfer: coordinates && caseRow.status !== "closed",
    erase: can(actor, "cases.erase", scope) && caseRow.status === "closed" && !caseRow.identityErasedAt,
  };
}

/**
 * Loads a case the actor may use as asked, or fails with NOT_FOUND whether the case is missing, in
 * another tenant or simply not theirs, so the answer reveals nothing about other cases.
 */
export async function requireCase(db: Executor, actor: Actor, caseId: string, need: keyof CaseAbilities): Promise<CaseRow> {
  const [row] = await db
    .select()
    .from(cases)
    .where(and(eq(cases.id, caseId), eq(cases.tenantId, actor.tenantId)))
    .limit(1);
  if (!row || !caseAbilities(actor, row)[need]) {
    if (row && need === "write" && caseAbilities(actor, row).readContent) {
      throw new AppError("CONFLICT", "cases.errors.closed");
    }
    throw new AppError("NOT_FOUND", "errors.notFound");
  }
  return row;
}
