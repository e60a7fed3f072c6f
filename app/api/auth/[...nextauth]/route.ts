import NextAuth from "next-auth";
import { getAuthOptions } from "@/server/auth-options";

export const dynamic = "force-dynamic";

function handler(req: Request, context: { params: Promise<{ nextauth: string[] }> }) {
  return NextAuth(getAuthOptions())(req, context);
}

export { handler as GET, handler as POST };
