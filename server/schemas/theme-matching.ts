import { z } from "zod";
import { idSchema } from "./common";

export const clusterRefSchema = z.object({ conferenceId: idSchema, clusterId: idSchema }).strict();
export type ClusterRefInput = z.infer<typeof clusterRefSchema>;

export const clusterRecurrenceSchema = z.object({ conferenceId: idSchema, clusterId: idSchema, themeId: idSchema }).strict();
export type ClusterRecurrenceInput = z.infer<typeof clusterRecurrenceSchema>;
