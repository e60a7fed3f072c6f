import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { compiledServerFile } from "./server/compiled-server";

const port = Number(process.env.E2E_PORT ?? 3100);
export const demoPassword = "Demo-Passwort-fuer-Tests-2026";

// Debian's chromium where installed (browsers cannot be downloaded everywhere); otherwise the
// browser from `npx playwright install`.
const systemChromium = "/usr/bin/chromium";

export default defineConfig({
  testDir: "./e2e",
  outputDir: `test-results/port-${port}`,
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  timeout: 60_000,
  use: {
    baseURL: `http://localhost:${port}`,
    locale: "de-DE",
    timezoneId: "Europe/Berlin",
    trace: "retain-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: existsSync(systemChromium) ? systemChromium : undefined,
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
          ],
        },
      },
    },
  ],
  webServer: {
    // The compiled production server (`npm run build`) on a fresh embedded database, with a known demo password.
    command: `rm -rf .data/e2e-${port} && node ${compiledServerFile()}`,
    url: `http://localhost:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    env: {
      NODE_ENV: "production",
      PORT: String(port),
      PGLITE_DATA_DIR: `.data/e2e-${port}/pglite`,
      LOG_LEVEL: "warn",
      DEMO_PASSWORD: demoPassword,
      NEXTAUTH_URL: `http://localhost:${port}`,
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
