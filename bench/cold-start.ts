/**
 * Start of the compiled production server on the embedded database (what `npm start` runs), timed
 * from spawn to the first healthy answer of /api/health: the first start on an empty folder
 * (migrations and the demo tenant) and a start on the same folder afterwards (existing data).
 * Needs a build (`npm run build`, or NEXT_DIST_DIR for another build folder); builds nothing itself.
 * Usage: npm run bench:start
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { compiledServerFile } from "../server/compiled-server";

const port = 3190;
const compiled = compiledServerFile();

async function timeStart(dataDir: string): Promise<number> {
  const started = performance.now();
  // node itself, as in production: no wrapper whose own start would count.
  const server = spawn(process.execPath, [compiled], {
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), PGLITE_DATA_DIR: dataDir, LOG_LEVEL: "warn" },
    stdio: "ignore",
    detached: true,
  });
  try {
    for (;;) {
      const ready = await fetch(`http://localhost:${port}/api/health`)
        .then((r) => r.ok)
        .catch(() => false);
      if (ready) return performance.now() - started;
      if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode} during start`);
      if (performance.now() - started > 120_000) throw new Error("server did not start within 120 s");
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    process.kill(-server.pid!, "SIGTERM");
    if (server.exitCode === null) await new Promise((resolve) => server.once("exit", resolve));
  }
}

if (!existsSync(compiled)) {
  console.error(`No compiled server in ${compiled}: run \`npm run build\` first.`);
  process.exit(1);
}
const folder = mkdtempSync(path.join(tmpdir(), "kim-bench-"));
const dataDir = path.join(folder, "pglite");
try {
  const empty = await timeStart(dataDir);
  const existing = await timeStart(dataDir);
  console.log(`first start (empty folder: database + demo tenant):   ${(empty / 1000).toFixed(2)} s`);
  console.log(`start on the existing data:                          ${(existing / 1000).toFixed(2)} s`);
  console.log(`bench:start existing_ms=${Math.round(existing)} empty_ms=${Math.round(empty)}`);
} finally {
  rmSync(folder, { recursive: true, force: true });
}
