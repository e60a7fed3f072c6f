import path from "node:path";
import { build } from "esbuild";
import { writeMigratedEmptyDatabase } from "@/db";
import { compiledServerFile, emptyDatabaseTemplateFile } from "./compiled-server";

/**
 * Part of `npm run build`, after `next build` (which empties the build folder): compiles the
 * custom server (`server/index.ts` and everything of ours it imports) into one plain JavaScript
 * file, so a production start loads it directly instead of transpiling TypeScript first.
 * Packages stay outside the file: Next's bundle loads the same ones, and some (Yjs) refuse to be
 * loaded twice. Beside it goes an empty embedded database with all migrations applied, which a
 * first start on an empty folder copies instead of running initdb and the migrations.
 */
const outfile = compiledServerFile();
await build({
  entryPoints: [path.join("server", "index.ts")],
  outfile,
  bundle: true,
  packages: "external",
  platform: "node",
  format: "esm",
  target: "node20",
  tsconfig: "tsconfig.json",
  logLevel: "warning",
});
console.log(`Server kompiliert: ${outfile}`);
const template = emptyDatabaseTemplateFile();
await writeMigratedEmptyDatabase(template);
console.log(`Leere eingebettete Datenbank: ${template}`);
