import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseEnv } from "./env";
import { identityKeyPlacementProblem } from "./identity-key-placement";

const key = Buffer.alloc(32, 3).toString("base64");
const folders: string[] = [];

/** A data folder as embedded mode leaves it: the database folder and the identity key beside it. */
function dataFolderWithKeyFile() {
  const root = mkdtempSync(path.join(tmpdir(), "kim-key-"));
  folders.push(root);
  writeFileSync(path.join(root, "identity-key"), key);
  return { root, pgliteDir: path.join(root, "pglite") };
}

afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

describe("where the identity key may live", () => {
  it("refuses a key file beside the data in production on a PostgreSQL server, in one line that says why", () => {
    const { root, pgliteDir } = dataFolderWithKeyFile();
    const problem = identityKeyPlacementProblem({ NODE_ENV: "production", DATABASE_URL: "postgres://db/kim", PGLITE_DATA_DIR: pgliteDir });
    expect(problem).toBe(
      `Start abgebrochen: Der Identitätsschlüssel liegt in ${path.join(root, "identity-key")} neben den Daten; auf einem ` +
        "PostgreSQL-Server muss er getrennt davon über IDENTITY_ENCRYPTION_KEY gesetzt werden (z. B. aus einem Secret-Store), " +
        "bitte die Datei dort entfernen.",
    );
  });

  it("keeps embedded mode (the README's `npm start`) and a key from the environment working", () => {
    const { pgliteDir } = dataFolderWithKeyFile();
    expect(identityKeyPlacementProblem({ NODE_ENV: "production", DATABASE_URL: undefined, PGLITE_DATA_DIR: pgliteDir })).toBeNull();
    const empty = mkdtempSync(path.join(tmpdir(), "kim-key-"));
    folders.push(empty);
    expect(
      identityKeyPlacementProblem({
        NODE_ENV: "production",
        DATABASE_URL: "postgres://db/kim",
        PGLITE_DATA_DIR: path.join(empty, "pglite"),
      }),
    ).toBeNull();
  });

  it("demands the key in the environment on a PostgreSQL server in production, and says why", () => {
    expect(() => parseEnv({ NODE_ENV: "production", DATABASE_URL: "postgres://db/kim", NEXTAUTH_SECRET: "s".repeat(40) })).toThrow(
      /IDENTITY_ENCRYPTION_KEY: must be set .* apart from the database, never in a file beside it/,
    );
  });

  it("the server does not start with the key beside the data, before it touches the database", { timeout: 60_000 }, async () => {
    const { pgliteDir } = dataFolderWithKeyFile();
    const child = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
      cwd: process.cwd(),
      env: {
        PATH: process.env.PATH,
        NODE_ENV: "production",
        // Nothing listens there: a start that got as far as the database would fail differently.
        DATABASE_URL: "postgres://kim@127.0.0.1:1/kim",
        NEXTAUTH_SECRET: "s".repeat(40),
        IDENTITY_ENCRYPTION_KEY: key,
        AUDIT_CHAIN_KEY: Buffer.alloc(32, 4).toString("base64"),
        PGLITE_DATA_DIR: pgliteDir,
        LOG_LEVEL: "silent",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    expect(code).toBe(1);
    expect(stderr.trim().split("\n")).toEqual([expect.stringContaining("Identitätsschlüssel liegt in")]);
  });
});
