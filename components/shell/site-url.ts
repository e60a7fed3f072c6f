import { headers } from "next/headers";

/** The address people reach this installation at, for links shown to be typed or scanned. */
export async function siteUrl(): Promise<string> {
  if (process.env.NEXTAUTH_URL) return process.env.NEXTAUTH_URL.replace(/\/$/, "");
  const requestHeaders = await headers();
  const protocol = requestHeaders.get("x-forwarded-proto") ?? "http";
  return `${protocol}://${requestHeaders.get("host") ?? "localhost"}`;
}
