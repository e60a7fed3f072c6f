import { desc, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { caseSummaries } from "@/db/schema";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../auth/policy";
import { AppError } from "../errors";
import { translate } from "../i18n/translate";
import type { IdentityInput, SaveSummaryInput } from "../schemas/cases";
import { readIdentityUnaudited } from "./identity";
import { requireCase } from "./policy";

/** Identity fields whose values must never appear in a Falldarstellung. */
const checkedFields = [
  "lastName",
  "firstName",
  "birthName",
  "birthDate",
  "birthPlace",
  "street",
  "town",
  "phone",
  "email",
  "alsoReachableAt",
] as const satisfies readonly (keyof IdentityInput)[];

function simplify(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ");
}

function dateVariants(isoDate: string): string[] {
  const [year, month, day] = isoDate.split("-");
  return [isoDate, `${day}.${month}.${year}`, `${Number(day)}.${Number(month)}.${year}`, `${day}/${month}/${year}`];
}

/**
 * Which identity fields the text gives away: names, birth date (in common spellings), address,
 * phone, file numbers. Returns field names, never the values.
 */
export function findIdentityLeaks(identity: IdentityInput, text: string): string[] {
  const haystack = simplify(text);
  const digits = text.replace(/\D/g, "");
  const leaks: string[] = [];
  for (const field of checkedFields) {
    const value = identity[field].trim();
    if (value.length < 3) continue;
    const found =
      field === "birthDate"
        ? dateVariants(value).some((variant) => haystack.includes(variant))
        : field === "phone"
          ? value.replace(/\D/g, "").length >= 5 && digits.includes(value.replace(/\D/g, ""))
          : haystack.includes(simplify(value));
    if (found) leaks.push(field);
  }
  identity.authorityContacts.forEach((contact, index) => {
    if (contact.fileNumber.trim().length >= 3 && haystack.includes(simplify(contact.fileNumber.trim()))) {
      leaks.push(`authorityContacts.${index}.fileNumber`);
    }
  });
  return leaks;
}

export async function listSummaries(db: Database, actor: Actor, caseId: string) {
  await requireCase(db, actor, caseId, "readContent");
  return db.select().from(caseSummaries).where(eq(caseSummaries.caseId, caseId)).orderBy(desc(caseSummaries.createdAt));
}

/** Saves a pseudonymised case summary only after checking it against the identity record. */
export async function saveSummary(db: Database, actor: Actor, input: SaveSummaryInput) {
  await requireCase(db, actor, input.caseId, "write");
  const identity = await readIdentityUnaudited(db, input.caseId);
  const text = [input.title, input.body, ...input.sections.map((section) => section.text)].join("\n");
  const leaks = identity ? findIdentityLeaks(identity, text) : [];
  if (leaks.length > 0) {
    await recordAuditEvent(db, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: "cases.summary_rejected",
      outcome: "failure",
      target: { type: "case", id: input.caseId },
      details: { fields: leaks },
    });
    const fieldNames = leaks.map((field) =>
      translate(`cases.identityFields.${field.startsWith("authorityContacts") ? "fileNumber" : field}`),
    );
    throw new AppError("INVALID_INPUT", "cases.errors.summaryContainsIdentity", "body", { fields: [...new Set(fieldNames)].join(", ") });
  }
  return db.transaction(async (tx) => {
    const [summary] = await tx
      .insert(caseSummaries)
      .values({ ...input, tenantId: actor.tenantId, createdByUserId: actor.userId })
      .returning();
    await recordAuditEvent(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: "cases.summary_saved",
      target: { type: "case", id: input.caseId },
    });
    return summary!;
  });
}
