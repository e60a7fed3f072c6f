import { z } from "zod";
import { idSchema, nameSchema, optionalIdSchema } from "./common";
import { bodyKinds } from "./tenancy-kinds";

export const createBodySchema = z
  .object({ name: nameSchema, kind: z.enum(bodyKinds, "validation.choose"), parentBodyId: optionalIdSchema })
  .strict();
export type CreateBodyInput = z.infer<typeof createBodySchema>;
export { idSchema };
