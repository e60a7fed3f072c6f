import { randomBytes } from "node:crypto";
import { NextRequest } from "next/server";
import { usesSecureCookies } from "../auth/session";
import { linkSecretPattern } from "../schemas/secret-links";
import { guestValidDays } from "../schemas/guests";
import { guestDeviceCookieName, guestDeviceField } from "./guest-device";

/**
 * Gives the guest link's sign-in request this browser's device secret: the one in its HttpOnly cookie,
 * or a new random one that the answer then sets. Whatever the client put into the form under that name
 * is replaced, so the secret always comes from the cookie.
 */
export async function withGuestDevice(req: NextRequest): Promise<{ request: NextRequest; setCookie: string | null }> {
  const existing = req.cookies.get(guestDeviceCookieName())?.value;
  const isValid = existing !== undefined && linkSecretPattern.test(existing);
  const device = isValid ? existing : randomBytes(32).toString("base64url");
  const contentType = req.headers.get("content-type") ?? "";
  const form = new URLSearchParams(contentType.includes("application/x-www-form-urlencoded") ? await req.text() : "");
  form.set(guestDeviceField, device);
  const headers = new Headers(req.headers);
  headers.set("content-type", "application/x-www-form-urlencoded");
  headers.delete("content-length");
  const request = new NextRequest(req.url, { method: req.method, headers, body: form.toString() });
  if (isValid) return { request, setCookie: null };
  // Lax, not Strict: a guest opening the link from their e-mail must bring the cookie to the page.
  const attributes = ["Path=/", `Max-Age=${guestValidDays.max * 86_400}`, "HttpOnly", "SameSite=Lax"];
  if (usesSecureCookies()) attributes.push("Secure");
  return { request, setCookie: [`${guestDeviceCookieName()}=${device}`, ...attributes].join("; ") };
}
