import { z } from "zod";
import { idSchema } from "./common";

/** One case of one conference: attaching and removing it. */
export const conferenceCaseSchema = z.object({ conferenceId: idSchema, caseId: idSchema }).strict();
export type ConferenceCaseInput = z.infer<typeof conferenceCaseSchema>;
