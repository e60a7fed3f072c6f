import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { request as httpsRequest } from "node:https";
import os from "node:os";
import path from "node:path";
import { expect, type BrowserContext } from "@playwright/test";
import { io as connect } from "socket.io-client";

/** The deployment's own proxy configuration, rendered for the test as an operator would. */
const template = path.join(process.cwd(), "deploy", "nginx", "kim.conf.template");

/** The header the nodes trust behind this proxy (TRUSTED_PROXY_HEADER), as the template sets it. */
export const proxyClientHeader = "X-Real-IP";

/** Debian's nginx binary, or undefined when nginx is not installed. */
export function findNginx(): string | undefined {
  if (existsSync("/usr/sbin/nginx")) return "/usr/sbin/nginx";
  const found = spawnSync("sh", ["-c", "command -v nginx"], { encoding: "utf8" });
  return found.status === 0 && found.stdout.trim() ? found.stdout.trim() : undefined;
}

export interface ProxyProcess {
  /** The public HTTPS address, e.g. https://localhost:3343. */
  url: string;
  /** The self-signed certificate, for clients that check it. */
  certificate: string;
  /** nginx's access log: one line per request with the node that answered it. */
  accessLog: () => string;
  output: () => string;
  stop: () => Promise<void>;
}

/**
 * Renders deploy/nginx/kim.conf.template with the given nodes and a fresh self-signed certificate
 * into a temporary folder, and starts nginx on it in the foreground as this user: unprivileged
 * ports, pid file, logs and buffers in that folder, nothing of the system's nginx touched.
 */
export async function startProxy(options: { port: number; httpPort: number; nodes: string[] }): Promise<ProxyProcess> {
  const nginx = findNginx();
  if (!nginx) throw new Error("nginx is not installed");
  const dir = mkdtempSync(path.join(os.tmpdir(), "kim-proxy-"));
  const certificate = path.join(dir, "kim.crt");
  const key = path.join(dir, "kim.key");
  const openssl = spawnSync(
    "openssl",
    ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=localhost"].concat([
      "-addext",
      "subjectAltName=DNS:localhost,IP:127.0.0.1",
      "-keyout",
      key,
      "-out",
      certificate,
    ]),
    { encoding: "utf8" },
  );
  if (openssl.status !== 0) throw new Error(`openssl failed: ${openssl.stderr}`);

  const site = renderSite(readFileSync(template, "utf8"), {
    nodes: options.nodes,
    placeholders: {
      KIM_SERVER_NAME: "localhost",
      KIM_LISTEN: `127.0.0.1:${options.port}`,
      KIM_HTTP_LISTEN: `127.0.0.1:${options.httpPort}`,
      KIM_TLS_CERTIFICATE: certificate,
      KIM_TLS_CERTIFICATE_KEY: key,
    },
  });
  writeFileSync(path.join(dir, "kim.conf"), site);
  for (const temp of ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"]) mkdirSync(path.join(dir, temp));
  const accessLog = path.join(dir, "access.log");
  const errorLog = path.join(dir, "error.log");
  const main = [
    // As root (CI containers), the workers would otherwise switch to nobody, who cannot use this folder.
    process.getuid?.() === 0 ? "user root;" : "",
    "daemon off;",
    "worker_processes 1;",
    `pid ${path.join(dir, "nginx.pid")};`,
    `error_log ${errorLog} info;`,
    "events { worker_connections 1024; }",
    "http {",
    ...["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((temp) => `  ${temp}_temp_path ${path.join(dir, temp)};`),
    `  include ${path.join(dir, "kim.conf")};`,
    `  log_format kim '$remote_addr "$request" $status node=$upstream_addr route=$kim_route';`,
    `  access_log ${accessLog} kim;`,
    "}",
  ].join("\n");
  const config = path.join(dir, "nginx.conf");
  writeFileSync(config, main);

  const child: ChildProcess = spawn(nginx, ["-p", dir, "-e", errorLog, "-c", config], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let hasExited = false;
  void exited.then(() => (hasExited = true));
  const stopOnExit = () => child.kill("SIGKILL");
  process.once("exit", stopOnExit);

  const read = (file: string) => (existsSync(file) ? readFileSync(file, "utf8") : "");
  const proxy: ProxyProcess = {
    url: `https://localhost:${options.port}`,
    certificate: readFileSync(certificate, "utf8"),
    accessLog: () => read(accessLog),
    output: () => `${output}${read(errorLog).slice(-4000)}`,
    stop: async () => {
      process.off("exit", stopOnExit);
      if (!hasExited) {
        child.kill("SIGQUIT");
        const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };

  const started = Date.now();
  for (;;) {
    if (hasExited) throw new Error(`nginx exited during start:\n${proxy.output()}`);
    const ready = await proxyRequest(proxy, "/api/health").then(
      (r) => r.status === 200,
      () => false,
    );
    if (ready) return proxy;
    if (Date.now() - started > 15_000) {
      await proxy.stop();
      throw new Error(`nginx not ready within 15 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * envsubst for the template's placeholders (comments stay as written); the node line is repeated
 * once per node.
 */
export function renderSite(text: string, values: { nodes: string[]; placeholders: Record<string, string> }): string {
  const fill = (line: string) =>
    line.replace(/\$\{(KIM_[A-Z_]+)\}/g, (whole, name: string) => {
      const value = values.placeholders[name];
      if (value === undefined) throw new Error(`no value for ${whole}`);
      return value;
    });
  return text
    .split("\n")
    .flatMap((line) => {
      if (line.trimStart().startsWith("#")) return [line];
      if (line.includes("${KIM_NODE_1}")) return values.nodes.map((node) => fill(line.replace("${KIM_NODE_1}", node)));
      if (/\$\{KIM_NODE_\d+\}/.test(line)) return [];
      return [fill(line)];
    })
    .join("\n");
}

export interface ProxyResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * One HTTPS request to the proxy, checking its certificate, from a chosen loopback address
 * (`localAddress`, e.g. 127.0.0.7): the address nginx sees as the client's.
 */
export function proxyRequest(
  proxy: Pick<ProxyProcess, "url" | "certificate">,
  pathname: string,
  options: { method?: string; headers?: Record<string, string>; body?: string; localAddress?: string } = {},
): Promise<ProxyResponse> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(
      new URL(pathname, proxy.url),
      { method: options.method ?? "GET", headers: options.headers, ca: proxy.certificate, localAddress: options.localAddress },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (body += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on("error", reject);
    req.setTimeout(15_000, () => req.destroy(new Error(`timeout: ${pathname}`)));
    req.end(options.body);
  });
}

/** Which node answered a request of this browser context, by the X-Kim-Node header. */
export async function nodeOf(context: BrowserContext): Promise<string | undefined> {
  const response = await context.request.get("/api/health");
  return response.headers()["x-kim-node"];
}

/** sendBoardOperation through the proxy: the socket goes wherever this browser's routing cookie leads. */
export async function sendBoardOperationThroughProxy(context: BrowserContext, proxy: ProxyProcess, conferenceId: string, op: object) {
  const cookie = (await context.cookies(proxy.url)).map((c) => `${c.name}=${c.value}`).join("; ");
  const socket = connect(proxy.url, {
    path: "/socket.io",
    transports: ["websocket"],
    extraHeaders: { origin: proxy.url, cookie },
    ca: proxy.certificate,
  });
  try {
    const ack = await socket.timeout(15_000).emitWithAck("board:op", { conferenceId, clientOpId: randomBytes(12).toString("hex"), op });
    expect(ack).toMatchObject({ ok: true });
  } finally {
    socket.disconnect();
  }
}
