import { and, eq, not, like } from "drizzle-orm";
import type { Database } from "@/db";
import { caseIdentities } from "@/db/schema";
import { identitySchema } from "../schemas/cases";
import { blindIndexOf, blindIndexPrefix, decryptIdentity } from "./identity-crypto";
import { getIdentityKeys } from "./identity-keys";

/**
 * Recomputes blind index values written under earlier rules (which dropped every non-Latin letter,
 * so all Cyrillic or Arabic names with one birth date collided). Runs at start; the values stay
 * keyed with the same secret. A record that cannot be opened keeps its old value and is counted.
 */
export async function reindexOldBlindIndexes(db: Database): Promise<{ reindexed: number; unreadable: number }> {
  const keys = getIdentityKeys();
  const rows = await db
    .select({
      caseId: caseIdentities.caseId,
      tenantId: caseIdentities.tenantId,
      ciphertext: caseIdentities.ciphertext,
      blindIndex: caseIdentities.blindIndex,
      updatedAt: caseIdentities.updatedAt,
    })
    .from(caseIdentities)
    .where(not(like(caseIdentities.blindIndex, `${blindIndexPrefix}%`)));
  let reindexed = 0;
  let unreadable = 0;
  for (const row of rows) {
    let person;
    try {
      person = identitySchema.parse(JSON.parse(decryptIdentity(keys, row.caseId, row.ciphertext)));
    } catch {
      unreadable += 1;
      continue;
    }
    await db
      .update(caseIdentities)
      // The record itself did not change: its updated_at stays.
      .set({ blindIndex: blindIndexOf(keys, row.tenantId, person), updatedAt: row.updatedAt })
      .where(and(eq(caseIdentities.caseId, row.caseId), eq(caseIdentities.blindIndex, row.blindIndex)));
    reindexed += 1;
  }
  return { reindexed, unreadable };
}
