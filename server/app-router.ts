import { recordAuditEvent } from "./audit/record-audit-event";
import { auditRouter } from "./audit/router";
import { bodiesRouter } from "./bodies/router";
import { casesRouter } from "./cases/router";
import { conferencesRouter } from "./conferences/router";
import { offersRouter } from "./offers/router";
import { profileRouter } from "./profile/router";
import { reportsRouter } from "./reports/router";
import { tenancyRouter } from "./tenancy/router";
import { themesRouter } from "./themes/router";
import { sessionsRouter } from "./sessions/router";
import { steeringRouter } from "./steering/router";
import { usersRouter } from "./users/router";
import { workPackagesRouter } from "./work-packages/router";
import { createCallerFactory, createTRPCRouter, setDenialRecorder } from "./trpc/init";

setDenialRecorder((db, { tenantId, actorUserId, path }) =>
  recordAuditEvent(db, {
    tenantId,
    actorUserId,
    action: "auth.access_denied",
    outcome: "failure",
    target: { type: "procedure", id: path },
  }),
);

/** One router per domain folder, each from its `router.ts`; sub-routers are mounted there. */
export const appRouter = createTRPCRouter({
  profile: profileRouter,
  tenancy: tenancyRouter,
  bodies: bodiesRouter,
  users: usersRouter,
  audit: auditRouter,
  cases: casesRouter,
  reports: reportsRouter,
  offers: offersRouter,
  conferences: conferencesRouter,
  workPackages: workPackagesRouter,
  themes: themesRouter,
  sessions: sessionsRouter,
  steering: steeringRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
