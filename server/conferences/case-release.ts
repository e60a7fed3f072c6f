import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db";
import { guestCaseReleases } from "@/db/schema";
import { organisationsCoveredByConsent } from "../cases/intake";
import type { ParticipantRole } from "../schemas/conference-kinds";

/** A person on a conference's list as the consent gate sees them. */
export interface ReleaseViewer {
  userId: string;
  organisationId: string | null;
  role: ParticipantRole;
}

/**
 * The consent gate for one agenda case: the responsible case manager, or someone whose organisation
 * a valid Schweigepflichtentbindung of the case names. A guest's organisation is whatever the
 * inviting moderator chose, so a guest additionally needs the responsible case manager's
 * confirmation for this case (A6). Read from the database on every call, so a revocation counts at once.
 */
export async function consentGate(
  db: Executor,
  conferenceId: string,
  caseRow: { caseId: string; responsibleUserId: string | null },
): Promise<(viewer: ReleaseViewer) => boolean> {
  const covered = await organisationsCoveredByConsent(db, caseRow.caseId);
  const confirmedGuests = new Set(
    (
      await db
        .select({ guestUserId: guestCaseReleases.guestUserId })
        .from(guestCaseReleases)
        .where(and(eq(guestCaseReleases.conferenceId, conferenceId), eq(guestCaseReleases.caseId, caseRow.caseId)))
    ).map((row) => row.guestUserId),
  );
  return (viewer) => {
    if (caseRow.responsibleUserId === viewer.userId) return true;
    if (!viewer.organisationId || !covered.has(viewer.organisationId)) return false;
    return viewer.role !== "guest" || confirmedGuests.has(viewer.userId);
  };
}
