import { themeIdSchema } from "../schemas/themes";
import { authorizedProcedure, createTRPCRouter } from "../trpc/init";
import { getTheme, listThemes } from "./registry";

export const themesRouter = createTRPCRouter({
  list: authorizedProcedure("themes.view").query(({ ctx }) => listThemes(ctx.db, ctx.actor)),
  get: authorizedProcedure("themes.view").input(themeIdSchema).query(({ ctx, input }) => getTheme(ctx.db, ctx.actor, input.themeId)),
});
