import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import path from "node:path";
import { randomBytes } from "node:crypto";
import next from "next";
import { getDatabaseHandle } from "@/db";
import { clientAddressHeader } from "./auth-options";
import { emptyDatabaseTemplateFile } from "./compiled-server";
import { getEnv, InvalidEnvironmentError, parseEnv } from "./config/env";
import { dataRootOf, identityKeyFileName, identityKeyPlacementProblem } from "./config/identity-key-placement";
import { logger } from "./config/logger";
import { deleteExpiredRateLimits } from "./auth/sign-in-limiter";
import { reindexOldBlindIndexes } from "./cases/blind-index-migration";
import { eraseExpiredCases } from "./cases/erasure";
import { seedDemoTenant, type DemoCredential } from "./demo/seed-demo-tenant";
import { attachRealtimeAdapter } from "./realtime/adapter";
import { presenceProcessOf } from "./realtime/presence";
import { attachSocketServer } from "./realtime/socket-server";
import { withoutLinkSecret } from "./secret-links/secret-links";
import { clientAddressOf } from "./security/client-address";
import { securityHeaders } from "./security/headers";

/**
 * Without configured secrets (embedded mode) the server keeps its own beside the data, created on
 * first start. Losing the identity key makes the encrypted Aktendeckblätter unreadable: back it up.
 */
function ensureSecret(
  variable: "NEXTAUTH_SECRET" | "IDENTITY_ENCRYPTION_KEY" | "AUDIT_CHAIN_KEY",
  dataRoot: string,
  fileName: string,
  create: () => string,
) {
  if (process.env[variable]) return;
  const secretFile = path.join(dataRoot, fileName);
  if (!existsSync(secretFile)) {
    mkdirSync(dataRoot, { recursive: true });
    writeFileSync(secretFile, create(), { mode: 0o600 });
    console.log(`${variable} nicht gesetzt: neuer Schlüssel in ${secretFile} angelegt (bitte sichern).`);
  }
  process.env[variable] = readFileSync(secretFile, "utf8").trim();
}

function printDemoCredentials(credentials: DemoCredential[]) {
  const lines = credentials.map((c) => `  ${c.role.padEnd(16)} ${c.username.padEnd(16)} ${c.password}`);
  // Printed once, on the first start only: the passwords are not stored anywhere in clear.
  console.log(
    [
      "",
      "Demo-Mandant „Kreis Beispiel“ angelegt. Anmeldedaten (werden nur jetzt angezeigt):",
      `  ${"Rolle".padEnd(16)} ${"Benutzername".padEnd(16)} Passwort`,
      ...lines,
      "",
    ].join("\n"),
  );
}

/** One structured line per request; the path only, since query strings may carry search terms. */
function logRequest(req: IncomingMessage, res: ServerResponse) {
  const started = performance.now();
  res.once("finish", () => {
    const path = withoutLinkSecret((req.url ?? "").split("?")[0] ?? "");
    if (path?.startsWith("/_next/")) return;
    logger.info({ method: req.method, path, status: res.statusCode, ms: Math.round(performance.now() - started) }, "request");
  });
}

export async function startServer() {
  const started = performance.now();
  const dev = process.env.NODE_ENV !== "production";
  let env;
  try {
    env = parseEnv(process.env);
  } catch (error) {
    if (error instanceof InvalidEnvironmentError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const keyProblem = identityKeyPlacementProblem(env);
  if (keyProblem) {
    console.error(keyProblem);
    process.exit(1);
  }
  const dataRoot = dataRootOf(env);
  ensureSecret("NEXTAUTH_SECRET", dataRoot, "session-secret", () => randomBytes(48).toString("base64url"));
  ensureSecret("IDENTITY_ENCRYPTION_KEY", dataRoot, identityKeyFileName, () => randomBytes(32).toString("base64"));
  ensureSecret("AUDIT_CHAIN_KEY", dataRoot, "audit-key", () => randomBytes(32).toString("base64"));
  process.env.NEXTAUTH_URL ??= `http://${env.HOSTNAME}:${env.PORT}`;
  env = getEnv();

  // Milliseconds per phase of the start, logged with "bereit" so a slow start shows where it went.
  // performance.now() counts from the process's start: the first figure is loading the modules.
  const phases: Record<string, number> = { modules: Math.round(started) };
  let phaseStarted = performance.now();
  const phaseDone = (name: string) => {
    phases[name] = Math.round(performance.now() - phaseStarted);
    phaseStarted = performance.now();
  };
  phaseDone("environment");
  // The compiled server (production) has the build's empty database beside it; dev runs initdb.
  const database = await getDatabaseHandle({ emptyTemplate: dev ? undefined : emptyDatabaseTemplateFile() });
  logger.info({ driver: database.driver }, "database ready, migrations applied");
  phaseDone("database");
  // Blind index values from earlier rules are recomputed before anyone can open a case.
  const reindex = await reindexOldBlindIndexes(database.db);
  if (reindex.reindexed || reindex.unreadable) logger.info(reindex, "blind index of case identities recomputed");
  phaseDone("blindIndex");
  const credentials = await seedDemoTenant(database.db, env.DEMO_PASSWORD);
  if (credentials) printDemoCredentials(credentials);
  phaseDone("demoSeed");

  const app = next({ dev, hostname: env.HOSTNAME, port: env.PORT });
  const handle = app.getRequestHandler();
  await app.prepare();
  phaseDone("next");
  const https = env.NEXTAUTH_URL?.startsWith("https://") ?? false;

  const httpServer = createServer((req, res) => {
    // Only the server may say where a request came from (sign-in rate limits use it).
    req.headers[clientAddressHeader] = clientAddressOf(req.headers, req.socket.remoteAddress, env.TRUSTED_PROXY_HEADER);
    const { csp, headers } = securityHeaders({ dev, https });
    req.headers["content-security-policy"] = csp;
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    if (env.KIM_NODE_NAME) res.setHeader("x-kim-node", env.KIM_NODE_NAME);
    logRequest(req, res);
    void handle(req, res);
  });
  const io = attachSocketServer(httpServer);
  const realtimeAdapter = await attachRealtimeAdapter(io);

  await new Promise<void>((resolve) => httpServer.listen(env.PORT, env.HOSTNAME, resolve));
  phaseDone("listen");
  const readyMs = Math.round(performance.now() - started);
  logger.info({ url: process.env.NEXTAUTH_URL, readyMs, phases, dev }, "KIM-Plattform bereit");

  // Retention: identities of long-closed cases are erased at start and then once a day. It need
  // not hold up the start: it only removes what was readable until now anyway.
  const runRetention = () =>
    Promise.all([eraseExpiredCases(database.db), deleteExpiredRateLimits(database.db)]).catch((error) =>
      logger.error({ err: error }, "retention run failed"),
    );
  void runRetention();
  setInterval(runRetention, 24 * 3600 * 1000).unref();
  console.log(`KIM-Plattform läuft auf ${process.env.NEXTAUTH_URL} (bereit nach ${readyMs} ms)`);

  const shutdown = async (signal: string) => {
    logger.info({ signal }, "shutting down");
    io.close();
    httpServer.close();
    // This process's live-room connections go before the database does, so no one waits for them
    // to time out.
    await presenceProcessOf(io)
      ?.close()
      .catch((error: unknown) => logger.warn({ err: error }, "presence: removing the process failed"));
    await realtimeAdapter.close();
    await database.close().catch(() => {});
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
}

void startServer();
