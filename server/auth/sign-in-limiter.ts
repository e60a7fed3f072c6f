import { lt } from "drizzle-orm";
import { RateLimiterDrizzle, RateLimiterRes } from "rate-limiter-flexible";
import type { Database } from "@/db";
import { rateLimits } from "@/db/schema";

const windowSeconds = 15 * 60;

/**
 * Budgets per window, as multiples of SIGN_IN_ATTEMPTS_PER_15_MINUTES. The tight one is per account
 * and address, so a stranger cannot lock anyone out from elsewhere; one address may serve a whole
 * office behind NAT, so it gets more; and an account under attack from many addresses has a bound too.
 */
const addressFactor = 5;
const accountFactor = 10;

interface Limiters {
  byAccountAndAddress: RateLimiterDrizzle;
  byAddress: RateLimiterDrizzle;
  byAccount: RateLimiterDrizzle;
  /** One audit row per account and address and window for refused attempts, not one per attempt. */
  blockedAudit: RateLimiterDrizzle;
}

// Counters live in the database, so several server processes share one budget.
const perDatabase = new WeakMap<Database, Map<number, Limiters>>();

function limiters(db: Database, attemptsPerWindow: number): Limiters {
  let byBudget = perDatabase.get(db);
  if (!byBudget) perDatabase.set(db, (byBudget = new Map()));
  let found = byBudget.get(attemptsPerWindow);
  if (!found) {
    const common = { storeClient: db, schema: rateLimits, duration: windowSeconds, clearExpiredByTimeout: false };
    found = {
      byAccountAndAddress: new RateLimiterDrizzle({ ...common, keyPrefix: "sign-in-account-address", points: attemptsPerWindow }),
      byAddress: new RateLimiterDrizzle({ ...common, keyPrefix: "sign-in-address", points: attemptsPerWindow * addressFactor }),
      byAccount: new RateLimiterDrizzle({ ...common, keyPrefix: "sign-in-account", points: attemptsPerWindow * accountFactor }),
      blockedAudit: new RateLimiterDrizzle({ ...common, keyPrefix: "sign-in-blocked-audit", points: 1 }),
    };
    byBudget.set(attemptsPerWindow, found);
  }
  return found;
}

const pairKey = (username: string, address: string) => `${username}|${address}`;

async function consumed(limiter: RateLimiterDrizzle, key: string): Promise<boolean> {
  try {
    await limiter.consume(key);
    return true;
  } catch (error) {
    if (error instanceof RateLimiterRes) return false;
    throw error;
  }
}

/**
 * Takes one attempt from every budget before the password is checked, in one atomic step per
 * counter, so parallel attempts cannot all pass a check made before any of them was counted.
 * `auditBlocked`: this refusal is the first of its account and address in the window.
 */
export async function claimSignInAttempt(
  db: Database,
  username: string,
  address: string,
  attemptsPerWindow: number,
): Promise<{ allowed: boolean; auditBlocked: boolean }> {
  const limits = limiters(db, attemptsPerWindow);
  const results = await Promise.all([
    consumed(limits.byAccountAndAddress, pairKey(username, address)),
    consumed(limits.byAddress, address),
    consumed(limits.byAccount, username),
  ]);
  if (results.every(Boolean)) return { allowed: true, auditBlocked: false };
  return { allowed: false, auditBlocked: await consumed(limits.blockedAudit, pairKey(username, address)) };
}

/** A right password: the attempt is given back and the failures of this account are forgotten. */
export async function settleSuccessfulSignIn(db: Database, username: string, address: string, attemptsPerWindow: number) {
  const limits = limiters(db, attemptsPerWindow);
  await Promise.all([
    limits.byAccountAndAddress.delete(pairKey(username, address)),
    limits.byAccount.delete(username),
    limits.byAddress.reward(address, 1),
  ]);
}

/** Drops counters whose window is long over; run with the daily retention job. */
export async function deleteExpiredRateLimits(db: Database) {
  await db.delete(rateLimits).where(lt(rateLimits.expire, new Date(Date.now() - 60 * 60 * 1000)));
}
