import { randomBytes } from "node:crypto";
import type { Database } from "@/db";
import type { Actor } from "../auth/policy";
import type { CreateCaseInput } from "../schemas/cases";
import { callerFor } from "./factories";

type IdentityRequest = Partial<CreateCaseInput["identity"]>;

/**
 * A case opened by `manager` through the real procedure, so the identity is encrypted, the blind
 * index written and the opening audited as in production. Each call gets another person (one person
 * has one open case) unless `identity` says who. With `consentFor`, a Schweigepflichtentbindung
 * (confidentiality release) covering those organisations is recorded for the case.
 */
export async function createCase(
  db: Database,
  options: {
    manager: Actor;
    kommuneId?: string | null;
    consentFor?: string[];
    identity?: IdentityRequest;
    consentGrantedOn?: string;
  },
) {
  const caller = callerFor(db, options.manager);
  const created = await caller.cases.create({
    accessChannel: "walk_in",
    kommuneId: options.kommuneId ?? null,
    identity: {
      lastName: `Testperson-${randomBytes(4).toString("hex")}`,
      firstName: "Amina",
      birthDate: "1990-01-01",
      ...options.identity,
    } as CreateCaseInput["identity"],
  });
  const consentIds: string[] = [];
  if (options.consentFor?.length) {
    const consent = await caller.cases.addConsent({
      caseId: created.id,
      kind: "confidentiality_release",
      organisationIds: options.consentFor,
      grantedOn: options.consentGrantedOn ?? "2026-01-01",
    });
    consentIds.push(consent.id);
  }
  return { id: created.id, pseudonym: created.pseudonym, manager: options.manager, consentIds };
}
