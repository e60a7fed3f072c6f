import { z } from "zod";
import { idSchema } from "./common";

export const themeIdSchema = z.object({ themeId: idSchema }).strict();
