import { listAuditEventsSchema } from "../schemas/audit";
import { authorizedProcedure, createTRPCRouter } from "../trpc/init";
import { listAuditEvents } from "./list-audit-events";

export const auditRouter = createTRPCRouter({
  list: authorizedProcedure("audit.read")
    .input(listAuditEventsSchema)
    .query(({ ctx, input }) => listAuditEvents(ctx.db, ctx.actor, input)),
});
