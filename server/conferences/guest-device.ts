/**
 * The guest link's device binding: names shared by the sign-in (next-auth options, loaded by the
 * custom server too) and the route that fills in the device secret (guest-device-request.ts, which
 * needs Next's request type and so is loaded inside Next only).
 */
import { usesSecureCookies } from "../auth/session";

/** The form field the guest link's sign-in receives the device secret in; only the server fills it. */
export const guestDeviceField = "deviceSecret";

export function guestDeviceCookieName(): string {
  return usesSecureCookies() ? "__Host-kim.guest-device" : "kim.guest-device";
}
