import { lt } from "drizzle-orm";
import { RateLimiterDrizzle, RateLimiterRes } from "rate-limiter-flexible";
import type { Database } from "@/db";
import { rateLimits } from "@/db/schema";

const windowSeconds = 15 * 60;

interface Limiters {
  byAccount: RateLimiterDrizzle;
  byAddress: RateLimiterDrizzle;
}

// Counters live in the database, so several server processes share one budget per account.
const perDatabase = new WeakMap<Database, Limiters>();

function limiters(db: Database, attemptsPerWindow: number): Limiters {
  let found = perDatabase.get(db);
  if (!found) {
    const common = { storeClient: db, schema: rateLimits, duration: windowSeconds, clearExpiredByTimeout: false };
    found = {
      byAccount: new RateLimiterDrizzle({ ...common, keyPrefix: "sign-in-account", points: attemptsPerWindow }),
      // One address may serve a whole office behind NAT, so it gets a larger budget than one account.
      byAddress: new RateLimiterDrizzle({ ...common, keyPrefix: "sign-in-address", points: attemptsPerWindow * 5 }),
    };
    perDatabase.set(db, found);
  }
  return found;
}

/**
 * Counts a failed sign-in attempt against the account and the address. Returns false once either is
 * over its budget; the caller then refuses even a correct password until the window has passed.
 */
export async function isSignInAllowed(db: Database, username: string, address: string, attemptsPerWindow: number): Promise<boolean> {
  const { byAccount, byAddress } = limiters(db, attemptsPerWindow);
  const [account, addr] = await Promise.all([byAccount.get(username), byAddress.get(address)]);
  return (account?.consumedPoints ?? 0) < attemptsPerWindow && (addr?.consumedPoints ?? 0) < attemptsPerWindow * 5;
}

export async function recordFailedSignIn(db: Database, username: string, address: string, attemptsPerWindow: number) {
  const { byAccount, byAddress } = limiters(db, attemptsPerWindow);
  await Promise.all([
    byAccount.consume(username).catch((e) => ignoreLimitReached(e)),
    byAddress.consume(address).catch((e) => ignoreLimitReached(e)),
  ]);
}

export async function resetSignInFailures(db: Database, username: string, attemptsPerWindow: number) {
  await limiters(db, attemptsPerWindow).byAccount.delete(username);
}

/** Drops counters whose window is long over; run with the daily retention job. */
export async function deleteExpiredRateLimits(db: Database) {
  await db.delete(rateLimits).where(lt(rateLimits.expire, new Date(Date.now() - 60 * 60 * 1000)));
}

function ignoreLimitReached(error: unknown) {
  if (!(error instanceof RateLimiterRes)) throw error;
}
