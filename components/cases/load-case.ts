import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getServerCaller } from "../trpc/server";

/** The case's pseudonymised overview for server components; unknown or foreign cases are a 404. */
export const loadCaseOverview = cache(async (caseId: string) => {
  const caller = await getServerCaller();
  try {
    return await caller.cases.overview({ caseId });
  } catch (error) {
    if (error instanceof TRPCError && ["NOT_FOUND", "BAD_REQUEST", "FORBIDDEN"].includes(error.code)) notFound();
    throw error;
  }
});
