import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import path from "node:path";
import { expect, type BrowserContext, type Page } from "@playwright/test";
import postgres from "postgres";
import { io as connect } from "socket.io-client";
import { demoPassword } from "../fixtures";

/** Fixed secrets, so a restarted process accepts the sessions of the one before (and its neighbour). */
const secrets = {
  NEXTAUTH_SECRET: "e2e-realtime-session-secret-0123456789abcdef",
  IDENTITY_ENCRYPTION_KEY: Buffer.alloc(32, 9).toString("base64"),
  AUDIT_CHAIN_KEY: Buffer.alloc(32, 8).toString("base64"),
};

export type Backend = { kind: "postgres"; url: string } | { kind: "pglite"; dataDir: string };

export interface ServerProcess {
  url: string;
  pid: number;
  /** What the process printed, for failure messages. */
  output: () => string;
  /** SIGKILL to the whole process group: no shutdown handler runs, nothing is flushed. */
  kill: () => Promise<void>;
  stop: () => Promise<void>;
}

const running = new Set<ChildProcess>();

function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // Already gone.
  }
}

// Should the test worker itself die, no server may outlive it on its port.
process.once("exit", () => {
  for (const child of running) killGroup(child, "SIGKILL");
});

/**
 * Starts the production server (the build in NEXT_DIST_DIR, as the Playwright web server uses) as
 * its own process group, with node itself as the group leader so a SIGKILL hits the server and not
 * a wrapper; resolves once /api/health answers. `extraEnv` overrides any of the variables above
 * (behind the proxy: its public URL, the trusted client address header, the node's name).
 */
export async function startServerProcess(port: number, backend: Backend, extraEnv: Record<string, string> = {}): Promise<ServerProcess> {
  const url = `http://localhost:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.DATABASE_URL;
  delete env.PGLITE_DATA_DIR;
  Object.assign(env, secrets, {
    NODE_ENV: "production",
    PORT: String(port),
    NEXTAUTH_URL: url,
    DEMO_PASSWORD: demoPassword,
    LOG_LEVEL: "info",
    NEXT_TELEMETRY_DISABLED: "1",
    ...(backend.kind === "postgres" ? { DATABASE_URL: backend.url } : { PGLITE_DATA_DIR: backend.dataDir }),
    ...extraEnv,
  });
  const child = spawn(process.execPath, [path.join(process.env.NEXT_DIST_DIR || ".next", "kim-server.mjs")], {
    cwd: process.cwd(),
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<void>((resolve) =>
    child.once("exit", () => {
      running.delete(child);
      resolve();
    }),
  );
  let hasExited = false;
  void exited.then(() => (hasExited = true));

  const started = Date.now();
  for (;;) {
    if (hasExited) throw new Error(`server on port ${port} exited during start:\n${output}`);
    const ready = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() - started > 120_000) {
      killGroup(child, "SIGKILL");
      throw new Error(`server on port ${port} not ready within 120 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }

  return {
    url,
    pid: child.pid!,
    output: () => output,
    kill: async () => {
      killGroup(child, "SIGKILL");
      await exited;
    },
    stop: async () => {
      if (hasExited) return;
      killGroup(child, "SIGTERM");
      const timer = setTimeout(() => killGroup(child, "SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** A fresh database on the PostgreSQL test server, dropped again by `drop`. */
export async function createPostgresDatabase(serverUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `kim_e2e_${randomBytes(5).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** A fresh folder for the embedded database, inside the ignored .data folder. */
export function createPgliteFolder(): { dataDir: string; remove: () => void } {
  const folder = path.join(".data", `e2e-realtime-${randomBytes(4).toString("hex")}`);
  return { dataDir: path.join(folder, "pglite"), remove: () => rmSync(folder, { recursive: true, force: true }) };
}

/** A Planungskonferenz planned by the signed-in coordination, with the named people invited. */
export async function createConference(page: Page, participantNames: string[]): Promise<string> {
  return page.evaluate(async (names) => {
    const call = async (procedure: string, input: unknown) => {
      const response = await fetch(`/api/trpc/${procedure}`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-http-method-override": procedure.endsWith(".list") ? "GET" : "POST" },
        body: JSON.stringify({ json: input }),
      });
      return (await response.json()).result.data.json;
    };
    const users = (await call("users.list", null)) as { id: string; displayName: string }[];
    const conference = await call("conferences.create", {
      type: "planungskonferenz",
      title: "Planungskonferenz Ausfallsicherheit",
      kommuneId: null,
      scheduledAt: new Date().toISOString(),
      place: "Kreishaus, Raum 2",
      isOnline: false,
      participantUserIds: users.filter((u) => names.includes(u.displayName)).map((u) => u.id),
    });
    return conference.id as string;
  }, participantNames);
}

/**
 * Sends one board operation with the session of a signed-in browser context, from outside the
 * page: the moderation's phase switch, whatever the board's controls look like.
 */
export async function sendBoardOperation(context: BrowserContext, baseURL: string, conferenceId: string, op: object) {
  const cookie = (await context.cookies(baseURL)).map((c) => `${c.name}=${c.value}`).join("; ");
  const socket = connect(baseURL, { path: "/socket.io", transports: ["websocket"], extraHeaders: { origin: baseURL, cookie } });
  try {
    const ack = await socket.timeout(15_000).emitWithAck("board:op", { conferenceId, clientOpId: randomBytes(12).toString("hex"), op });
    expect(ack).toMatchObject({ ok: true });
  } finally {
    socket.disconnect();
  }
}

/** "Falldurchgang" in the default Ablaufplan of a Planungskonferenz: everyone writes cards. */
export const cardPhase = { kind: "phase.set", index: 1 };
