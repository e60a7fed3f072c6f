import { existsSync } from "node:fs";
import path from "node:path";
import { translate } from "../i18n/translate";
import type { Env } from "./env";

/** The file in which embedded mode keeps the identity key it created. */
export const identityKeyFileName = "identity-key";

/** The folder that holds the embedded database and the secrets embedded mode creates beside it. */
export function dataRootOf(env: Pick<Env, "PGLITE_DATA_DIR">): string {
  return path.dirname(path.resolve(env.PGLITE_DATA_DIR ?? path.join(".data", "pglite")));
}

/**
 * Outside embedded mode the identity key must live apart from the data: whoever copies a PostgreSQL
 * server's data folder, or this machine's, must not find the key that opens every Aktendeckblatt
 * with it. Returns why the start must stop, in one line, or null.
 */
export function identityKeyPlacementProblem(env: Pick<Env, "NODE_ENV" | "DATABASE_URL" | "PGLITE_DATA_DIR">): string | null {
  if (env.NODE_ENV !== "production" || !env.DATABASE_URL) return null;
  const file = path.join(dataRootOf(env), identityKeyFileName);
  return existsSync(file) ? translate("errors.identityKeyBesideData", { file }) : null;
}
