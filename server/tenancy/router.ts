import {
  createKommuneSchema,
  createOrganisationSchema,
  updateKommuneSchema,
  updateOrganisationSchema,
  updateTenantSettingsSchema,
} from "../schemas/tenancy";
import { authorizedProcedure, createTRPCRouter } from "../trpc/init";
import { createKommune, listKommunen, updateKommune } from "./kommunen";
import { createOrganisation, listOrganisations, updateOrganisation } from "./organisations";
import { getTenantSettings, updateTenantSettings } from "./tenant-settings";

export const tenancyRouter = createTRPCRouter({
  listKommunen: authorizedProcedure("tenancy.read").query(({ ctx }) => listKommunen(ctx.db, ctx.actor)),
  createKommune: authorizedProcedure("tenancy.manage")
    .input(createKommuneSchema)
    .mutation(({ ctx, input }) => createKommune(ctx.db, ctx.actor, input)),
  updateKommune: authorizedProcedure("tenancy.manage")
    .input(updateKommuneSchema)
    .mutation(({ ctx, input }) => updateKommune(ctx.db, ctx.actor, input)),
  listOrganisations: authorizedProcedure("tenancy.read").query(({ ctx }) => listOrganisations(ctx.db, ctx.actor)),
  createOrganisation: authorizedProcedure("tenancy.manage")
    .input(createOrganisationSchema)
    .mutation(({ ctx, input }) => createOrganisation(ctx.db, ctx.actor, input)),
  updateOrganisation: authorizedProcedure("tenancy.manage")
    .input(updateOrganisationSchema)
    .mutation(({ ctx, input }) => updateOrganisation(ctx.db, ctx.actor, input)),
  settings: authorizedProcedure("tenancy.manage").query(({ ctx }) => getTenantSettings(ctx.db, ctx.actor)),
  updateSettings: authorizedProcedure("tenancy.manage")
    .input(updateTenantSettingsSchema)
    .mutation(({ ctx, input }) => updateTenantSettings(ctx.db, ctx.actor, input)),
});
