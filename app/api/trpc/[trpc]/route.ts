import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import type { NextRequest } from "next/server";
import { getDb } from "@/db";
import { clientAddressHeader } from "@/server/auth-options";
import { actorFromCookies } from "@/server/auth/session";
import { rejectCrossSiteRequest } from "@/server/security/request-guard";
import { appRouter } from "@/server/app-router";

export const dynamic = "force-dynamic";

async function handler(req: NextRequest) {
  const refusal = rejectCrossSiteRequest(req);
  if (refusal) return refusal;
  const response = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    allowMethodOverride: true,
    createContext: async () => ({
      db: await getDb(),
      actor: await actorFromCookies(req.cookies),
      request: {
        address: req.headers.get(clientAddressHeader) ?? "unknown",
        userAgent: req.headers.get("user-agent"),
      },
    }),
  });
  response.headers.set("Cache-Control", "no-store");
  return response;
}

export { handler as GET, handler as POST };
