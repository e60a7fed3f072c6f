import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/app-router";

export type PlanFile = inferRouterOutputs<AppRouter>["cases"]["plans"]["file"];
export type PlanAgreement = PlanFile["agreements"][number];
export type PlanGoal = PlanAgreement["goals"][number];
export type PlanMeasure = PlanFile["measures"][number];
export type PlanReferral = PlanFile["referrals"][number];
