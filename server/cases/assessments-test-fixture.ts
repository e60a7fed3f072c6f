import { TRPCError } from "@trpc/server";
import { expect } from "vitest";
import { z, ZodError } from "zod";

import { translateFieldErrors } from "../i18n/translate";
import { createTestDatabase } from "../test/database";
import { createActor, createTenant } from "../test/factories";

/** The German field messages of a refused call, as a form would show them. */
export async function fieldErrorsOf(promise: Promise<unknown>): Promise<Record<string, string[]>> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  expect((error as TRPCError).code).toBe("BAD_REQUEST");
  const cause = (error as TRPCError).cause;
  expect(cause).toBeInstanceOf(ZodError);
  return translateFieldErrors(z.flattenError(cause as ZodError).fieldErrors);
}

/** A tenant with its case managers and a case to assess. */
export async function setUpAssessments() {
  const handle = await createTestDatabase();
  const tenant = await createTenant(handle.db);
  const cm = await createActor(handle.db, tenant.tenant.id, ["case_manager"]);
  const otherCm = await createActor(handle.db, tenant.tenant.id, ["case_manager"]);
  const coordinator = await createActor(handle.db, tenant.tenant.id, ["coordinator"]);
  const foreignCm = await createActor(handle.db, (await createTenant(handle.db)).tenant.id, ["case_manager"]);
  return { handle, tenant, cm, otherCm, coordinator, foreignCm };
}
