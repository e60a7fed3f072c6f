/**
 * Makes sure the browser tests have a Chromium: Debian's package where installed, otherwise
 * Playwright's own download (the usual path on a laptop), otherwise Debian's package via apt.
 */
import { execSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

const systemChromium = "/usr/bin/chromium";

function tryRun(command: string): boolean {
  try {
    execSync(command, { stdio: "inherit" });
    return true;
  } catch {
    return false;
  }
}

if (existsSync(systemChromium) || existsSync(chromium.executablePath())) process.exit(0);
console.log("Kein Chromium gefunden: installiere einen Browser für die Browser-Tests …");
if (tryRun("npx playwright install chromium") && existsSync(chromium.executablePath())) process.exit(0);
const isRoot = process.getuid?.() === 0;
if (
  tryRun(`${isRoot ? "" : "sudo "}apt-get update -qq && ${isRoot ? "" : "sudo "}apt-get install -y -qq chromium`) &&
  existsSync(systemChromium)
) {
  process.exit(0);
}
console.error("Bitte installieren Sie Chromium (Debian: apt-get install chromium) oder `npx playwright install chromium`.");
process.exit(1);
