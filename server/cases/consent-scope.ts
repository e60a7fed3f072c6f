import type { Executor } from "@/db";
import type { LifeArea, LifeAreaScope } from "../schemas/case-kinds";
import { listValidConsents } from "./intake";

export { scopeCovers, type LifeAreaScope } from "../schemas/case-kinds";

/**
 * Per organisation named in a valid Schweigepflichtentbindung of the case, the life areas it covers
 * ("zu den jeweiligen Problemfeldern"). A consent naming no life area covers every area: the form
 * says so, and consents recorded before areas were asked meant the whole case. Several consents for
 * the same organisation add up.
 */
export async function consentScopesOf(db: Executor, caseId: string): Promise<Map<string, LifeAreaScope>> {
  const scopes = new Map<string, LifeAreaScope>();
  for (const consent of await listValidConsents(db, caseId)) {
    if (consent.kind !== "confidentiality_release") continue;
    for (const organisationId of consent.organisationIds) {
      const before = scopes.get(organisationId);
      if (before === "all") continue;
      if (consent.lifeAreas.length === 0) scopes.set(organisationId, "all");
      else scopes.set(organisationId, new Set([...(before ?? []), ...(consent.lifeAreas as LifeArea[])]));
    }
  }
  return scopes;
}
