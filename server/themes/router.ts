import {
  annualReportSchema,
  listThemesSchema,
  mergeThemesSchema,
  setThemeUrgencySchema,
  splitThemeSchema,
  themeIdSchema,
  transitionThemeSchema,
  undoMergeSchema,
} from "../schemas/themes";
import { authorizedProcedure, createTRPCRouter } from "../trpc/init";
import { annualThemeReport } from "./annual-report";
import { compareThemesAcrossKommunen } from "./compare";
import { suggestDuplicateThemes } from "./duplicates";
import { mergeThemes, splitTheme, undoMerge } from "./merge-themes";
import { getTheme, listThemes } from "./registry";
import { traceTheme } from "./trace";
import { setThemeUrgency, transitionTheme } from "./transition-theme";

export const themesRouter = createTRPCRouter({
  list: authorizedProcedure("themes.view")
    .input(listThemesSchema)
    .query(({ ctx, input }) => listThemes(ctx.db, ctx.actor, input)),
  get: authorizedProcedure("themes.view")
    .input(themeIdSchema)
    .query(({ ctx, input }) => getTheme(ctx.db, ctx.actor, input.themeId)),
  trace: authorizedProcedure("themes.view")
    .input(themeIdSchema)
    .query(({ ctx, input }) => traceTheme(ctx.db, ctx.actor, input.themeId)),
  compare: authorizedProcedure("themes.view").query(({ ctx }) => compareThemesAcrossKommunen(ctx.db, ctx.actor)),
  annualReport: authorizedProcedure("themes.view")
    .input(annualReportSchema)
    .query(({ ctx, input }) => annualThemeReport(ctx.db, ctx.actor, input)),
  duplicates: authorizedProcedure("themes.manage").query(({ ctx }) => suggestDuplicateThemes(ctx.db, ctx.actor)),
  merge: authorizedProcedure("themes.manage")
    .input(mergeThemesSchema)
    .mutation(({ ctx, input }) => mergeThemes(ctx.db, ctx.actor, input)),
  undoMerge: authorizedProcedure("themes.manage")
    .input(undoMergeSchema)
    .mutation(({ ctx, input }) => undoMerge(ctx.db, ctx.actor, input)),
  split: authorizedProcedure("themes.manage")
    .input(splitThemeSchema)
    .mutation(({ ctx, input }) => splitTheme(ctx.db, ctx.actor, input)),
  transition: authorizedProcedure("themes.manage")
    .input(transitionThemeSchema)
    .mutation(({ ctx, input }) => transitionTheme(ctx.db, ctx.actor, input)),
  setUrgency: authorizedProcedure("themes.manage")
    .input(setThemeUrgencySchema)
    .mutation(({ ctx, input }) => setThemeUrgency(ctx.db, ctx.actor, input)),
});
