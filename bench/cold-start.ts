/**
 * Cold start of the production server on the embedded database: the first start (migrations and
 * demo tenant on an empty folder) against the second start on the same folder (the baseline).
 * Needs a build (`npm run build`). Usage: npm run bench:start
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const port = 3190;

async function timeStart(dataDir: string): Promise<number> {
  const started = performance.now();
  const server = spawn("npx", ["tsx", "server/index.ts"], {
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
      if (performance.now() - started > 120_000) throw new Error("server did not start within 120 s");
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    process.kill(-server.pid!, "SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
  }
}

if (!existsSync(".next/BUILD_ID")) {
  console.error("No build found: run `npm run build` first.");
  process.exit(1);
}
const folder = mkdtempSync(path.join(tmpdir(), "kim-bench-"));
const dataDir = path.join(folder, "pglite");
try {
  const first = await timeStart(dataDir);
  const second = await timeStart(dataDir);
  console.log(`first start (empty folder: migrations + demo tenant): ${(first / 1000).toFixed(2)} s`);
  console.log(`second start (existing data, baseline):              ${(second / 1000).toFixed(2)} s`);
  console.log(`ratio first / second:                                 ${(first / second).toFixed(2)}`);
} finally {
  rmSync(folder, { recursive: true, force: true });
}
