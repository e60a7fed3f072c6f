import path from "node:path";

/**
 * Where `npm run build` puts the compiled server: inside Next's build folder (NEXT_DIST_DIR, as in
 * next.config.mjs), so several builds of one checkout each have their own and a new `next build`
 * never leaves a server of an older build beside it.
 */
export function compiledServerFile(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(env.NEXT_DIST_DIR || ".next", "kim-server.mjs");
}

/** Beside it, the empty embedded database with the build's migrations, for a first start. */
export function emptyDatabaseTemplateFile(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(env.NEXT_DIST_DIR || ".next", "kim-empty-database");
}
