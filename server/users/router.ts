import { createUserSchema, setUserActiveSchema, setUserOidcSignInSchema, setUserPasswordSchema, updateUserSchema } from "../schemas/users";
import { authorizedProcedure, createTRPCRouter } from "../trpc/init";
import { createUser, listUsers, setUserActive, setUserOidcSignIn, setUserPassword, updateUser } from "./users";

export const usersRouter = createTRPCRouter({
  list: authorizedProcedure("users.read").query(({ ctx }) => listUsers(ctx.db, ctx.actor)),
  create: authorizedProcedure("users.manage")
    .input(createUserSchema)
    .mutation(({ ctx, input }) => createUser(ctx.db, ctx.actor, input)),
  update: authorizedProcedure("users.manage")
    .input(updateUserSchema)
    .mutation(({ ctx, input }) => updateUser(ctx.db, ctx.actor, input)),
  setActive: authorizedProcedure("users.manage")
    .input(setUserActiveSchema)
    .mutation(({ ctx, input }) => setUserActive(ctx.db, ctx.actor, input)),
  setPassword: authorizedProcedure("users.manage")
    .input(setUserPasswordSchema)
    .mutation(({ ctx, input }) => setUserPassword(ctx.db, ctx.actor, input)),
  setOidcSignIn: authorizedProcedure("users.manage")
    .input(setUserOidcSignInSchema)
    .mutation(({ ctx, input }) => setUserOidcSignIn(ctx.db, ctx.actor, input)),
});
