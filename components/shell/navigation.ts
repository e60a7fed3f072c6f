import type { Permission } from "@/server/auth/permissions";
import { canSomewhere, type Actor } from "@/server/auth/policy";

export interface NavigationItem {
  href: string;
  /** Key in the "nav" namespace of the catalogue. */
  label: "home" | "cases" | "conferences" | "themes" | "steering" | "bodies" | "offers" | "reports" | "polls" | "admin" | "audit";
  permission: Permission;
}

/** The application's areas, in menu order; each shows only to roles that hold its permission. */
export const navigationItems: NavigationItem[] = [
  { href: "/", label: "home", permission: "profile.read" },
  { href: "/cases", label: "cases", permission: "cases.view" },
  { href: "/conferences", label: "conferences", permission: "conferences.view" },
  { href: "/themes", label: "themes", permission: "themes.view" },
  { href: "/steering", label: "steering", permission: "decisions.view" },
  { href: "/bodies", label: "bodies", permission: "bodies.read" },
  // Case managers answer the coordination's polls without seeing the bodies themselves.
  { href: "/bodies/polls", label: "polls", permission: "polls.answer" },
  { href: "/offers", label: "offers", permission: "offers.view" },
  { href: "/reports", label: "reports", permission: "reports.view" },
  { href: "/admin", label: "admin", permission: "tenancy.manage" },
  { href: "/audit", label: "audit", permission: "audit.read" },
];

/**
 * The menu for this actor, with translated labels. A guest gets one entry, their conference: they
 * have no start page and no other area.
 */
export function navigationFor(actor: Actor, t: (key: string) => string): { href: string; text: string }[] {
  if (actor.isGuest)
    return actor.guestConferenceId ? [{ href: `/conferences/${actor.guestConferenceId}`, text: t("guests.nav.conference") }] : [];
  return navigationItems
    .filter((item) => canSomewhere(actor, item.permission))
    .map((item) => ({ href: item.href, text: t(`nav.${item.label}`) }));
}
