import { eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { auditEvents, conferenceGuests } from "@/db/schema";
import { authorizeWithGuestLink } from "../auth-options";
import { loadActor } from "../auth/load-actor";
import type { Actor } from "../auth/policy";
import { translate } from "../i18n/translate";
import { createTestDatabase } from "../test/database";
import { callerFor, createActor, createTenant } from "../test/factories";
import { guestDeviceCookieName } from "./guest-device";
import { withGuestDevice } from "./guest-device-request";
import { confirmGuestLink, findGuestLink } from "./guests";

const laptop = "L".repeat(43);
const phone = "P".repeat(43);
const tokenOf = (link: string) => link.replace("/gast/", "");
const callbackUrl = "http://localhost:3000/api/auth/callback/guest-link";

function postedForm(body: string, cookie?: string) {
  const headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded" };
  if (cookie) headers.cookie = cookie;
  return new NextRequest(callbackUrl, { method: "POST", headers, body });
}

describe("guest links bound to one device", () => {
  let handle: DatabaseHandle;
  let moderator: Actor;
  let coModerator: Actor;
  let conferenceId: string;
  let addressCounter = 0;
  const nextAddress = () => `10.1.0.${++addressCounter}`;

  beforeAll(async () => {
    handle = await createTestDatabase();
    (globalThis as { __kimDatabase?: Promise<DatabaseHandle> }).__kimDatabase = Promise.resolve(handle);
    const { tenant } = await createTenant(handle.db);
    moderator = await createActor(handle.db, tenant.id, ["case_manager"]);
    coModerator = await createActor(handle.db, tenant.id, ["coordinator"]);
    const conference = await callerFor(handle.db, moderator).conferences.create({
      type: "fallkonferenz",
      title: "Fallkonferenz Gerät",
      scheduledAt: new Date("2026-11-03T09:00:00Z"),
      participantUserIds: [coModerator.userId],
    });
    conferenceId = conference.id;
  });
  afterAll(async () => {
    delete (globalThis as { __kimDatabase?: unknown }).__kimDatabase;
    await handle.close();
  });

  const invite = () => callerFor(handle.db, moderator).conferences.guests.invite({ conferenceId, name: "Gerd Gast" });
  const confirm = (link: string, device: string | null) =>
    confirmGuestLink(handle.db, { token: tokenOf(link), name: "Gerd Gast", confidentiality: true }, nextAddress(), device);

  it("binds the link to the first device; a second device is refused with a German message", async () => {
    const { link, guestId } = await invite();
    const first = await confirm(link, laptop);
    expect(first).not.toBeNull();
    // The same device signs in again, e.g. the next morning.
    expect(await confirm(link, laptop)).toMatchObject({ id: first!.id });
    await expect(confirm(link, phone)).rejects.toMatchObject({ code: "CONFLICT", message: "guests.errors.otherDevice" });
    // The second device's page shows nothing of the conference either.
    expect(await findGuestLink(handle.db, tokenOf(link), nextAddress(), phone)).toEqual({ status: "otherDevice" });
    expect(await findGuestLink(handle.db, tokenOf(link), nextAddress(), null)).toEqual({ status: "otherDevice" });
    expect(await findGuestLink(handle.db, tokenOf(link), nextAddress(), laptop)).toMatchObject({ status: "open" });
    await expect(confirm(link, null)).rejects.toMatchObject({ code: "CONFLICT" });
    expect(translate("guests.errors.otherDevice")).toMatch(/anderen Gerät/);
    // Only the hash of the device secret is stored.
    const [row] = await handle.db.select().from(conferenceGuests).where(eq(conferenceGuests.id, guestId));
    expect(row?.deviceHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row?.deviceHash).not.toContain(laptop);
    const refusals = await handle.db.select().from(auditEvents).where(eq(auditEvents.actorUserId, first!.id));
    expect(refusals.map((event) => (event.details as { reason?: string }).reason)).toContain("other_device");
    const [listed] = (await callerFor(handle.db, moderator).conferences.guests.list({ conferenceId })).filter((g) => g.id === guestId);
    expect(listed?.isDeviceBound).toBe(true);
  });

  it("answers the second device through the next-auth provider with its own error code", async () => {
    const { link } = await invite();
    const posted = { token: tokenOf(link), name: "Gerd Gast", organisationName: "", confidentiality: "true" };
    expect(await authorizeWithGuestLink({ ...posted, deviceSecret: laptop }, nextAddress())).not.toBeNull();
    await expect(authorizeWithGuestLink({ ...posted, deviceSecret: phone }, nextAddress())).rejects.toThrow("OtherDevice");
  });

  it("lets the moderator release the binding: the old device's session ends and a new device may confirm", async () => {
    const { link, guestId } = await invite();
    const first = await confirm(link, laptop);
    await expect(callerFor(handle.db, coModerator).conferences.guests.resetDevice({ conferenceId, guestId })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await callerFor(handle.db, moderator).conferences.guests.resetDevice({ conferenceId, guestId });
    expect(await loadActor(handle.db, { userId: first!.id, sessionVersion: first!.sessionVersion })).toBeNull();
    const second = await confirm(link, phone);
    expect(second).toMatchObject({ id: first!.id });
    await expect(confirm(link, laptop)).rejects.toMatchObject({ code: "CONFLICT" });
    const resets = await handle.db.select().from(auditEvents).where(eq(auditEvents.action, "conferences.guest_device_reset"));
    expect(resets.map((event) => event.actorUserId)).toEqual([moderator.userId]);
  });

  it("takes the device secret from the browser's cookie and never from the posted form", async () => {
    const body = `token=abc&name=Gerd&deviceSecret=${phone}`;
    const known = await withGuestDevice(postedForm(body, `${guestDeviceCookieName()}=${laptop}`));
    expect(known.setCookie).toBeNull();
    const knownForm = new URLSearchParams(await known.request.text());
    expect([knownForm.get("deviceSecret"), knownForm.get("token"), knownForm.get("name")]).toEqual([laptop, "abc", "Gerd"]);

    // A browser without the cookie gets a new random secret, set as an HttpOnly cookie.
    const fresh = await withGuestDevice(postedForm(body));
    const freshSecret = new URLSearchParams(await fresh.request.text()).get("deviceSecret");
    expect(freshSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(freshSecret).not.toBe(phone);
    expect(fresh.setCookie).toBe(`${guestDeviceCookieName()}=${freshSecret}; Path=/; Max-Age=2592000; HttpOnly; SameSite=Lax`);
  });
});
