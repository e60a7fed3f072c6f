import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { AppError } from "../errors";

/** Submissions per address and window; an office behind NAT may refer several people in a row. */
export const screeningSubmitsPerWindow = 20;
const windowSeconds = 15 * 60;

type GlobalWithLimiter = typeof globalThis & { __kimScreeningSubmitLimiter?: RateLimiterMemory };

function limiter() {
  const g = globalThis as GlobalWithLimiter;
  g.__kimScreeningSubmitLimiter ??= new RateLimiterMemory({
    keyPrefix: "screening-submit-address",
    points: screeningSubmitsPerWindow,
    duration: windowSeconds,
  });
  return g.__kimScreeningSubmitLimiter;
}

/**
 * Counts one submission through a screening link against the caller's address, before the token
 * is looked at, so that nobody can try tokens or flood the case list faster than the budget allows.
 */
export async function consumeScreeningSubmit(address: string): Promise<void> {
  try {
    await limiter().consume(address);
  } catch (error) {
    if (error instanceof RateLimiterRes) throw new AppError("RATE_LIMITED", "invitations.errors.rateLimited");
    throw error;
  }
}
