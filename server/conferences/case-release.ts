import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db";
import { guestCaseReleases } from "@/db/schema";
import { consentScopesOf, type LifeAreaScope } from "../cases/consent-scope";
import type { SummarySection } from "../schemas/case-kinds";
import type { ParticipantRole } from "../schemas/conference-kinds";

/** A person on a conference's list as the consent gate sees them. */
export interface ReleaseViewer {
  userId: string;
  organisationId: string | null;
  role: ParticipantRole;
}

/**
 * The consent gate for one agenda case: what of it a viewer may see. The responsible case manager
 * sees all of it; anyone else what a valid Schweigepflichtentbindung naming their organisation
 * releases (every life area, or only those it names); nothing without one. A guest's organisation is
 * whatever the inviting moderator chose, so a guest additionally needs the responsible case manager's
 * confirmation for this case (A6). Read from the database on every call, so a revocation counts at once.
 */
export async function releaseScopeGate(
  db: Executor,
  conferenceId: string,
  caseRow: { caseId: string; responsibleUserId: string | null },
): Promise<(viewer: ReleaseViewer) => LifeAreaScope | null> {
  const scopes = await consentScopesOf(db, caseRow.caseId);
  const confirmedGuests = new Set(
    (
      await db
        .select({ guestUserId: guestCaseReleases.guestUserId })
        .from(guestCaseReleases)
        .where(and(eq(guestCaseReleases.conferenceId, conferenceId), eq(guestCaseReleases.caseId, caseRow.caseId)))
    ).map((row) => row.guestUserId),
  );
  return (viewer) => {
    if (caseRow.responsibleUserId === viewer.userId) return "all";
    const scope = viewer.organisationId ? scopes.get(viewer.organisationId) : undefined;
    if (!scope) return null;
    return viewer.role !== "guest" || confirmedGuests.has(viewer.userId) ? scope : null;
  };
}

/** Whether the viewer sees the case at all (some life area of it). */
export async function consentGate(
  db: Executor,
  conferenceId: string,
  caseRow: { caseId: string; responsibleUserId: string | null },
): Promise<(viewer: ReleaseViewer) => boolean> {
  const scopeOf = await releaseScopeGate(db, conferenceId, caseRow);
  return (viewer) => scopeOf(viewer) !== null;
}

/**
 * A Falldarstellung as released to one scope: the general part only where every life area is
 * covered (it may touch any of them), and the sections of the covered life areas.
 */
export function summaryForScope(
  summary: { title: string; body: string; sections: SummarySection[]; createdAt: Date },
  scope: LifeAreaScope,
) {
  const isWhole = scope === "all";
  return {
    title: summary.title,
    body: isWhole ? summary.body : "",
    sections: summary.sections.filter((section) => isWhole || scope.has(section.lifeArea)),
    isPartial: !isWhole,
    createdAt: summary.createdAt,
  };
}
