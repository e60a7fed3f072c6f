import { TRPCError } from "@trpc/server";
import { AppError } from "../errors";

/**
 * The code a call was refused with (a tRPC code, or an AppError's code when a service is called
 * directly), or null when it succeeded. Any other error is thrown on, so it fails the test with its
 * own message instead of an opaque code.
 */
export async function errorCodeOf(promise: Promise<unknown>): Promise<string | null> {
  try {
    await promise;
    return null;
  } catch (error) {
    if (error instanceof TRPCError || error instanceof AppError) return error.code;
    throw error;
  }
}
