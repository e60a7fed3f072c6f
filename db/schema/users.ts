import { boolean, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { roles } from "../../server/schemas/roles";
import { bodies } from "./bodies";
import { createdAt, id, updatedAt } from "./columns";
import { kommunen, organisations, tenants } from "./tenancy";

export const role = pgEnum("role", roles);

export const users = pgTable(
  "users",
  {
    id: id(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    /** Sign-in name, stored lower-case. */
    username: text("username").notNull(),
    displayName: text("display_name").notNull(),
    email: text("email"),
    organisationId: uuid("organisation_id").references(() => organisations.id),
    /** argon2id hash; null for users who sign in only through OpenID Connect. */
    passwordHash: text("password_hash"),
    isActive: boolean("is_active").notNull().default(true),
    /** An external conference guest: no roles, no password, signs in only through their link. */
    isGuest: boolean("is_guest").notNull().default(false),
    /** Bumped on deactivation and role changes: sessions carrying an older version are refused. */
    sessionVersion: integer("session_version").notNull().default(1),
    lastSignInAt: timestamp("last_sign_in_at", { withTimezone: true }),
    /** This case manager's own caseload key (e.g. for part-time); null means the tenant's. */
    caseloadKey: integer("caseload_key"),
    /** An admin allowed OpenID Connect sign-in; the first sign-in with a verified e-mail binds issuer and subject. */
    oidcSignInEnabled: boolean("oidc_sign_in_enabled").notNull().default(false),
    /** The identity provider's issuer and subject bound at the first OIDC sign-in; afterwards only these match. */
    oidcIssuer: text("oidc_issuer"),
    oidcSubject: text("oidc_subject"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("users_username_idx").on(t.username),
    uniqueIndex("users_email_idx").on(t.email),
    uniqueIndex("users_oidc_identity_idx").on(t.oidcIssuer, t.oidcSubject),
    index("users_tenant_idx").on(t.tenantId),
  ],
);

/** A role held by a user, scoped to the tenant, one Kommune, or one body. */
export const roleAssignments = pgTable(
  "role_assignments",
  {
    id: id(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: role("role").notNull(),
    kommuneId: uuid("kommune_id").references(() => kommunen.id),
    bodyId: uuid("body_id").references(() => bodies.id),
    createdAt: createdAt(),
  },
  (t) => [index("role_assignments_user_idx").on(t.userId)],
);
