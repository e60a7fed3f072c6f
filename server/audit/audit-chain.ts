import { createHmac, timingSafeEqual } from "node:crypto";
import { asc, desc, eq, isNull, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { auditEvents } from "@/db/schema";
import { getEnv } from "../config/env";

/**
 * The audit log's second seal. The digests in the table are computed by the database itself, so
 * whoever administers it can rewrite a row and recompute them. The mac is computed here, with a
 * key the database never sees (AUDIT_CHAIN_KEY), over the row and its predecessor's mac.
 */
export interface SealedContent {
  tenantId: string | null;
  actorUserId: string | null;
  action: string;
  outcome: string;
  targetType: string | null;
  targetId: string | null;
  details: unknown;
  createdAt: Date;
}

let cached: { source: string; key: Buffer } | undefined;

export function auditChainKey(): Buffer {
  const source = process.env.AUDIT_CHAIN_KEY ?? getEnv().AUDIT_CHAIN_KEY;
  if (!source) throw new Error("AUDIT_CHAIN_KEY is not configured");
  if (cached?.source !== source) cached = { source, key: Buffer.from(source, "base64") };
  return cached.key;
}

/** JSON with object keys sorted, so a jsonb round trip (which reorders keys) keeps the mac. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

export function auditMac(key: Buffer, previousMac: Uint8Array | null, row: SealedContent): Buffer {
  const content = canonicalJson([
    row.tenantId,
    row.actorUserId,
    row.action,
    row.outcome,
    row.targetType,
    row.targetId,
    row.details ?? {},
    row.createdAt.toISOString(),
  ]);
  return createHmac("sha256", key)
    .update(previousMac ?? Buffer.alloc(0))
    .update(content, "utf8")
    .digest();
}

/**
 * The mac of the tenant's last row, read under the same per-tenant lock the chain trigger takes,
 * so no other writer can slip a row in between.
 */
export async function lastMacOfTenant(tx: Executor, tenantId: string | null): Promise<Uint8Array | null> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`audit_events:${tenantId ?? "-"}`}))`);
  const [last] = await tx
    .select({ mac: auditEvents.mac })
    .from(auditEvents)
    .where(tenantId === null ? isNull(auditEvents.tenantId) : eq(auditEvents.tenantId, tenantId))
    .orderBy(desc(auditEvents.id))
    .limit(1);
  return last?.mac ?? null;
}

/**
 * Ids of the tenant's rows whose mac does not match their content and their predecessor. Rows from
 * before the key existed carry none; a row without a mac after a sealed one was not written here.
 */
export async function findUnsealedAuditEvents(db: Executor, tenantId: string): Promise<number[]> {
  const key = auditChainKey();
  const rows = await db.select().from(auditEvents).where(eq(auditEvents.tenantId, tenantId)).orderBy(asc(auditEvents.id));
  const broken: number[] = [];
  let previous: Uint8Array | null = null;
  let sealing = false;
  for (const row of rows) {
    if (!row.mac) {
      if (sealing) broken.push(row.id);
      continue;
    }
    sealing = true;
    const expected = auditMac(key, previous, row);
    const actual = Buffer.from(row.mac);
    if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) broken.push(row.id);
    previous = row.mac;
  }
  return broken;
}
