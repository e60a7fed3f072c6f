import { auditRouter } from "../audit/router";
import { bodiesRouter } from "../bodies/router";
import { casesRouter } from "../cases/router";
import { conferencesRouter } from "../conferences/router";
import { guestsRouter } from "../conferences/guests-router";
import { formulationsRouter } from "../conferences/formulations-router";
import { workPackagesRouter } from "../conferences/work-packages-router";
import { offersRouter } from "../offers/router";
import { profileRouter } from "../profile/router";
import { reportsRouter } from "../reports/router";
import { tenancyRouter } from "../tenancy/router";
import { themesRouter } from "../themes/router";
import { sessionsRouter } from "../sessions/router";
import { steeringRouter } from "../steering/router";
import { usersRouter } from "../users/router";
import { createCallerFactory, createTRPCRouter } from "./init";

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
  guests: guestsRouter,
  workPackages: workPackagesRouter,
  formulations: formulationsRouter,
  themes: themesRouter,
  sessions: sessionsRouter,
  steering: steeringRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
