import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

const windowSeconds = 15 * 60;

type GlobalWithLimiters = typeof globalThis & {
  __kimSignInLimiters?: { byAccount: RateLimiterMemory; byAddress: RateLimiterMemory };
};

function limiters(attemptsPerWindow: number) {
  const g = globalThis as GlobalWithLimiters;
  g.__kimSignInLimiters ??= {
    byAccount: new RateLimiterMemory({ keyPrefix: "sign-in-account", points: attemptsPerWindow, duration: windowSeconds }),
    // One address may serve a whole office behind NAT, so it gets a larger budget than one account.
    byAddress: new RateLimiterMemory({ keyPrefix: "sign-in-address", points: attemptsPerWindow * 5, duration: windowSeconds }),
  };
  return g.__kimSignInLimiters;
}

/**
 * Counts a failed sign-in attempt against the account and the address. Returns false once either is
 * over its budget; the caller then refuses even a correct password until the window has passed.
 */
export async function isSignInAllowed(
  username: string,
  address: string,
  attemptsPerWindow: number,
): Promise<boolean> {
  const { byAccount, byAddress } = limiters(attemptsPerWindow);
  const [account, addr] = await Promise.all([byAccount.get(username), byAddress.get(address)]);
  return (account?.consumedPoints ?? 0) < attemptsPerWindow && (addr?.consumedPoints ?? 0) < attemptsPerWindow * 5;
}

export async function recordFailedSignIn(username: string, address: string, attemptsPerWindow: number) {
  const { byAccount, byAddress } = limiters(attemptsPerWindow);
  await Promise.all([
    byAccount.consume(username).catch((e) => ignoreLimitReached(e)),
    byAddress.consume(address).catch((e) => ignoreLimitReached(e)),
  ]);
}

export async function resetSignInFailures(username: string, attemptsPerWindow: number) {
  await limiters(attemptsPerWindow).byAccount.delete(username);
}

function ignoreLimitReached(error: unknown) {
  if (!(error instanceof RateLimiterRes)) throw error;
}
