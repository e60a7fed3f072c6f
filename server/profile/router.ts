import { abilitiesOf } from "../auth/abilities";
import { authorizedProcedure, createTRPCRouter } from "../trpc/init";

export const profileRouter = createTRPCRouter({
  me: authorizedProcedure("profile.read").query(({ ctx }) => ({
    userId: ctx.actor.userId,
    displayName: ctx.actor.displayName,
    roles: [...new Set(ctx.actor.grants.map((grant) => grant.role))],
    abilities: abilitiesOf(ctx.actor),
  })),
});
