import type { IncomingHttpHeaders } from "node:http";

/**
 * Where a request came from, for the sign-in limits. Without a configured proxy only the socket
 * address counts: any header could be written by the client itself. Behind a reverse proxy the
 * configured header counts, and in it only the last entry, the one that proxy appended.
 */
export function clientAddressOf(
  headers: IncomingHttpHeaders,
  socketAddress: string | undefined,
  trustedHeader: string | undefined,
): string {
  if (trustedHeader) {
    const raw = headers[trustedHeader.toLowerCase()];
    const value = Array.isArray(raw) ? raw.at(-1) : raw;
    const last = value?.split(",").at(-1)?.trim();
    if (last && last.length <= 64) return last;
  }
  return socketAddress ?? "unknown";
}
