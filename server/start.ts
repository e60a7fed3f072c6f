import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { compiledServerFile } from "./compiled-server";

/**
 * `npm start`: builds the app and the server when there is no build or the sources are newer than
 * it, then starts the compiled production server. On a fresh machine this is the only command
 * needed after `npm ci`.
 */
const sourceFolders = ["app", "components", "server", "db"];

function newestSourceChange(): number {
  let newest = 0;
  const visit = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) visit(full);
      else newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  for (const folder of sourceFolders) if (existsSync(folder)) visit(folder);
  for (const file of ["next.config.mjs", "package-lock.json"]) if (existsSync(file)) newest = Math.max(newest, statSync(file).mtimeMs);
  return newest;
}

// The compiled server is written last by `npm run build`, so its age is the build's.
const compiled = compiledServerFile();
const buildId = path.join(process.env.NEXT_DIST_DIR || ".next", "BUILD_ID");
if (!existsSync(buildId) || !existsSync(compiled) || statSync(compiled).mtimeMs < newestSourceChange()) {
  console.log("Baue die Anwendung (einmalig nach Änderungen) …");
  const result = spawnSync("npm", ["run", "build"], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

Object.assign(process.env, { NODE_ENV: "production" });
await import(pathToFileURL(path.resolve(compiled)).href);
