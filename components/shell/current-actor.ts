import { cookies } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import type { Permission } from "@/server/auth/permissions";
import { canSomewhere, type Actor } from "@/server/auth/policy";
import { actorFromCookies } from "@/server/auth/session";

/** The signed-in actor for a server component, once per request; otherwise off to sign-in. */
export const requireActor = cache(async (): Promise<Actor> => {
  const actor = await actorFromCookies(await cookies());
  if (!actor) redirect("/sign-in?error=SessionExpired");
  return actor;
});

export async function actorMay(permission: Permission): Promise<boolean> {
  return canSomewhere(await requireActor(), permission);
}

/**
 * A page of an area the person may not use answers 403 with the "Kein Zugriff" page, not a 200
 * that merely looks like a refusal.
 */
export async function requirePageAccess(permission: Permission): Promise<void> {
  if (!(await actorMay(permission))) forbidden();
}
