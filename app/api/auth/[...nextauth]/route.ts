import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { getAuthOptions } from "@/server/auth-options";
import { withGuestDevice } from "@/server/conferences/guest-device-request";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ nextauth: string[] }> };

async function handler(req: NextRequest, context: Context) {
  const { nextauth } = await context.params;
  if (req.method === "POST" && nextauth?.[0] === "callback" && nextauth[1] === "guest-link") {
    // A guest link is bound to the device that first confirms it (server/conferences/guests.ts).
    const { request, setCookie } = await withGuestDevice(req);
    const response: Response = await NextAuth(getAuthOptions())(request, context);
    if (setCookie) response.headers.append("Set-Cookie", setCookie);
    return response;
  }
  return NextAuth(getAuthOptions())(req, context);
}

export { handler as GET, handler as POST };
