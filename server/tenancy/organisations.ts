import { and, asc, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { organisations } from "@/db/schema";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../auth/policy";
import { AppError } from "../errors";
import type { CreateOrganisationInput, UpdateOrganisationInput } from "../schemas/tenancy";
import { requireKommuneInTenant, rethrowDuplicateName } from "./kommunen";
import { assertCanManageTenancy } from "./policy";

export function listOrganisations(db: Database, actor: Actor) {
  return db.select().from(organisations).where(eq(organisations.tenantId, actor.tenantId)).orderBy(asc(organisations.name));
}

export async function createOrganisation(db: Database, actor: Actor, input: CreateOrganisationInput) {
  assertCanManageTenancy(actor);
  if (input.kommuneId) await requireKommuneInTenant(db, actor.tenantId, input.kommuneId);
  return db
    .transaction(async (tx) => {
      const [organisation] = await tx
        .insert(organisations)
        .values({ ...input, tenantId: actor.tenantId })
        .returning();
      await recordAuditEvent(tx, {
        tenantId: actor.tenantId,
        actorUserId: actor.userId,
        action: "tenancy.organisation_created",
        target: { type: "organisation", id: organisation!.id },
        details: { name: input.name, kind: input.kind },
      });
      return organisation!;
    })
    .catch(rethrowDuplicateName);
}

export async function updateOrganisation(db: Database, actor: Actor, input: UpdateOrganisationInput) {
  assertCanManageTenancy(actor);
  const { id, ...values } = input;
  if (values.kommuneId) await requireKommuneInTenant(db, actor.tenantId, values.kommuneId);
  return db
    .transaction(async (tx) => {
      const [organisation] = await tx
        .update(organisations)
        .set(values)
        .where(and(eq(organisations.id, id), eq(organisations.tenantId, actor.tenantId)))
        .returning();
      if (!organisation) throw new AppError("NOT_FOUND", "errors.notFound");
      await recordAuditEvent(tx, {
        tenantId: actor.tenantId,
        actorUserId: actor.userId,
        action: "tenancy.organisation_updated",
        target: { type: "organisation", id },
        details: values,
      });
      return organisation;
    })
    .catch(rethrowDuplicateName);
}

export async function requireOrganisationInTenant(db: Database, tenantId: string, organisationId: string) {
  const [organisation] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.id, organisationId), eq(organisations.tenantId, tenantId)));
  if (!organisation) throw new AppError("INVALID_INPUT", "errors.unknownOrganisation", "organisationId");
}
