import { RateLimiterDrizzle, RateLimiterRes } from "rate-limiter-flexible";
import type { Database } from "@/db";
import { rateLimits } from "@/db/schema";
import { AppError } from "../errors";
import { linkBudgetWindowSeconds, secretLinkKinds, type SecretLinkAction, type SecretLinkKind } from "./secret-links";

// Counters live in the database, like the sign-in limits, so every server process shares one budget.
const perDatabase = new WeakMap<Database, Map<string, RateLimiterDrizzle>>();

function limiterFor(db: Database, kind: SecretLinkKind, action: string, points: number) {
  let limiters = perDatabase.get(db);
  if (!limiters) perDatabase.set(db, (limiters = new Map()));
  const keyPrefix = `link-${kind}-${action}`;
  let limiter = limiters.get(keyPrefix);
  if (!limiter) {
    limiter = new RateLimiterDrizzle({
      storeClient: db,
      schema: rateLimits,
      keyPrefix,
      points,
      duration: linkBudgetWindowSeconds,
      clearExpiredByTimeout: false,
    });
    limiters.set(keyPrefix, limiter);
  }
  return limiter;
}

/** How many look-ups of this kind one address has per window. */
export function linkBudget<K extends SecretLinkKind>(kind: K, action: SecretLinkAction<K>): number {
  return (secretLinkKinds[kind].budgets as Record<SecretLinkAction<K>, number>)[action];
}

/**
 * Counts one use of a link against the caller's address, before the secret is looked at, so that
 * nobody can try secrets faster than the budget allows. Over budget: `RATE_LIMITED` with the kind's
 * message. Pass the database itself, not a transaction: a rolled-back attempt still counts.
 */
export async function consumeLinkBudget<K extends SecretLinkKind>(db: Database, kind: K, action: SecretLinkAction<K>, address: string) {
  try {
    await limiterFor(db, kind, String(action), linkBudget(kind, action)).consume(address);
  } catch (error) {
    if (error instanceof RateLimiterRes) throw new AppError("RATE_LIMITED", secretLinkKinds[kind].rateLimitedMessage);
    throw error;
  }
}
