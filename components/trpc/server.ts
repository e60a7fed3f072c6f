import { cookies, headers } from "next/headers";
import { cache } from "react";
import { getDb } from "@/db";
import { clientAddressHeader } from "@/server/auth-options";
import { actorFromCookies } from "@/server/auth/session";
import { createCaller } from "@/server/app-router";

/** The tRPC router for server components: same procedures, same policies, no HTTP round trip. */
export const getServerCaller = cache(async () => {
  const requestHeaders = await headers();
  return createCaller({
    db: await getDb(),
    actor: await actorFromCookies(await cookies()),
    request: { address: requestHeaders.get(clientAddressHeader) ?? "unknown", userAgent: requestHeaders.get("user-agent") },
  });
});
