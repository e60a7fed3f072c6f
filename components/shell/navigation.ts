import type { Permission } from "@/server/auth/permissions";

export interface NavigationItem {
  href: string;
  /** Key in the "nav" namespace of the catalogue. */
  label: "home" | "cases" | "conferences" | "themes" | "bodies" | "offers" | "reports" | "admin" | "audit";
  permission: Permission;
}

/** The application's areas, in menu order; each shows only to roles that hold its permission. */
export const navigationItems: NavigationItem[] = [
  { href: "/", label: "home", permission: "profile.read" },
  { href: "/cases", label: "cases", permission: "cases.view" },
  { href: "/conferences", label: "conferences", permission: "conferences.view" },
  { href: "/themes", label: "themes", permission: "themes.view" },
  { href: "/bodies", label: "bodies", permission: "bodies.read" },
  { href: "/offers", label: "offers", permission: "offers.view" },
  { href: "/reports", label: "reports", permission: "reports.view" },
  { href: "/admin", label: "admin", permission: "tenancy.manage" },
  { href: "/audit", label: "audit", permission: "audit.read" },
];
