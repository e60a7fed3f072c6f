import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

/**
 * `npm start`: builds the app when there is no build or the sources are newer than it, then starts
 * the production server. On a fresh machine this is the only command needed after `npm ci`.
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

const buildId = path.join(".next", "BUILD_ID");
if (!existsSync(buildId) || statSync(buildId).mtimeMs < newestSourceChange()) {
  console.log("Baue die Anwendung (einmalig nach Änderungen) …");
  const result = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

Object.assign(process.env, { NODE_ENV: "production" });
await import("./index");
