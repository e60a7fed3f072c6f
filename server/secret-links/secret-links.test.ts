import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { rateLimits } from "@/db/schema";
import { AppError } from "../errors";
import { linkSecretSchema } from "../schemas/secret-links";
import { createTestDatabase } from "../test/database";
import { consumeLinkBudget, linkBudget } from "./link-budget";
import { createLinkSecret, lookupHashOf, matchesSecretHash, withoutLinkSecret } from "./secret-links";

describe("link secrets", () => {
  it("creates a 32-byte secret, stores only its SHA-256 and hands out the kind's path", () => {
    const secret = createLinkSecret("guest", 14, Date.UTC(2026, 11, 7, 12));
    expect(secret.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(secret.tokenHash).toBe(createHash("sha256").update(secret.token).digest("hex"));
    expect(secret.link).toBe(`/gast/${secret.token}`);
    expect(secret.expiresAt.toISOString()).toBe("2026-12-21T12:00:00.000Z");
    expect(createLinkSecret("screening", 1).link).toMatch(/^\/screening\/[A-Za-z0-9_-]{43}$/);
    expect(createLinkSecret("tracking", 1).link).toMatch(/^\/arbeitspaket\/[A-Za-z0-9_-]{43}$/);
    expect(createLinkSecret("guest", 1).token).not.toBe(createLinkSecret("guest", 1).token);
  });

  it("looks up only what can be a secret", () => {
    const { token, tokenHash } = createLinkSecret("tracking", 1);
    expect(lookupHashOf(token)).toBe(tokenHash);
    expect(lookupHashOf("kurz")).toBeNull();
    expect(lookupHashOf(`${token}x`)).toBeNull();
    expect(lookupHashOf("A".repeat(42) + "=")).toBeNull();
  });

  it("gives a malformed secret the same message as an unknown one", () => {
    const schema = linkSecretSchema("guests.errors.invalidLink");
    expect(schema.safeParse("A".repeat(43)).success).toBe(true);
    const refused = schema.safeParse("../../etc");
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toBe("guests.errors.invalidLink");
  });

  it.each([
    ["/gast/abcDEF_-123", "/gast/[token]"],
    ["/screening/abcDEF_-123", "/screening/[token]"],
    ["/arbeitspaket/abcDEF_-123", "/arbeitspaket/[token]"],
    ["/arbeitspaket/abcDEF_-123/bericht", "/arbeitspaket/[token]/bericht"],
    ["/gastronomie/abc", "/gastronomie/abc"],
    ["/cases/abc", "/cases/abc"],
    ["/", "/"],
  ])("keeps link secrets out of the request log: %s → %s", (path, logged) => {
    expect(withoutLinkSecret(path)).toBe(logged);
  });
});

describe("comparing secrets", () => {
  it("matches a presented secret against its stored hash, and nothing else", () => {
    const { token, tokenHash } = createLinkSecret("guest", 1);
    expect(matchesSecretHash(token, tokenHash)).toBe(true);
    expect(matchesSecretHash(createLinkSecret("guest", 1).token, tokenHash)).toBe(false);
    // The hash itself is not the secret, and a stored value of another length is refused without throwing.
    expect(matchesSecretHash(tokenHash, tokenHash)).toBe(false);
    expect(matchesSecretHash(token, tokenHash.slice(1))).toBe(false);
    expect(matchesSecretHash(token, "")).toBe(false);
  });

  // Secrets are looked up by their hash in the database or compared with matchesSecretHash
  // (crypto.timingSafeEqual); a plain === on a secret would leak through its timing.
  it("leaves no secret, token, hash or CSRF value compared with === in the source", () => {
    const root = path.resolve(import.meta.dirname, "../..");
    const suspicious = /\b\w*(token|secret|hash|csrf|signature)\w*(\.\w+)*\s*[!=]==?\s*(?!null\b|undefined\b|"|')\w/i;
    const reversed = /[!=]==?\s*\w*(token|secret|hash|csrf|signature)\w*\b/i;
    const called = /(token|secret|hash|csrf|signature)\w*\([^)]*\)\s*[!=]==?/i;
    const offenders: string[] = [];
    const visit = (folder: string) => {
      for (const entry of readdirSync(path.join(root, folder), { withFileTypes: true })) {
        const relative = path.join(folder, entry.name);
        if (entry.isDirectory()) visit(relative);
        else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
          readFileSync(path.join(root, relative), "utf8")
            .split("\n")
            .forEach((line, index) => {
              if (!line.includes("typeof") && [suspicious, reversed, called].some((pattern) => pattern.test(line)))
                offenders.push(`${relative}:${index + 1}`);
            });
        }
      }
    };
    for (const folder of ["server", "app", "components", "db"]) visit(folder);
    expect(offenders).toEqual([]);
  });
});

describe("link budgets", () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(async () => {
    await handle?.close();
  });

  async function codeOf(promise: Promise<unknown>) {
    try {
      await promise;
      return null;
    } catch (error) {
      return error instanceof AppError ? `${error.code} ${error.message}` : String(error);
    }
  }

  it("refuses an address over its budget with the kind's message, and other addresses go on", async () => {
    for (let i = 0; i < linkBudget("tracking", "report"); i += 1) await consumeLinkBudget(handle.db, "tracking", "report", "198.51.100.1");
    expect(await codeOf(consumeLinkBudget(handle.db, "tracking", "report", "198.51.100.1"))).toBe(
      "RATE_LIMITED workPackages.errors.rateLimited",
    );
    expect(await codeOf(consumeLinkBudget(handle.db, "tracking", "report", "198.51.100.2"))).toBeNull();
    // Each kind and action has a budget of its own.
    expect(await codeOf(consumeLinkBudget(handle.db, "tracking", "lookup", "198.51.100.1"))).toBeNull();
    expect(await codeOf(consumeLinkBudget(handle.db, "guest", "lookup", "198.51.100.1"))).toBeNull();
  });

  it("keeps the counters in the database, where every server process shares them", async () => {
    const address = "198.51.100.9";
    for (let i = 0; i < linkBudget("screening", "submit"); i += 1) await consumeLinkBudget(handle.db, "screening", "submit", address);
    const [row] = await handle.db
      .select({ points: rateLimits.points })
      .from(rateLimits)
      .where(sql`${rateLimits.key} like ${"%" + address}`);
    expect(row?.points).toBe(linkBudget("screening", "submit"));
    expect(await codeOf(consumeLinkBudget(handle.db, "screening", "submit", address))).toBe("RATE_LIMITED invitations.errors.rateLimited");
    // A budget kept in one process's memory would not notice the counter going away.
    await handle.db.delete(rateLimits).where(sql`${rateLimits.key} like ${"%" + address}`);
    expect(await codeOf(consumeLinkBudget(handle.db, "screening", "submit", address))).toBeNull();
  });
});
