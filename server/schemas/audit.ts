import { z } from "zod";
import { auditActions } from "./audit-kinds";

export const listAuditEventsSchema = z
  .object({
    action: z.enum(auditActions).optional(),
    cursor: z.number().int().positive().nullish(),
    limit: z.number().int().min(1).max(200).default(50),
    /** Sent by tRPC's infinite queries; the log pages backwards in time only. */
    direction: z.enum(["forward", "backward"]).optional(),
  })
  .strict();

export type ListAuditEventsInput = z.infer<typeof listAuditEventsSchema>;
