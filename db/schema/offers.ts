import { boolean, index, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./columns";
import { kommunen, organisations, tenants } from "./tenancy";

/** Angebotsdatenbank: the offers of the production network, feeding help plans. */
export const offers = pgTable(
  "offers",
  {
    id: id(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    providerOrganisationId: uuid("provider_organisation_id").references(() => organisations.id),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    lifeAreas: text("life_areas").array().notNull().default([]),
    targetGroup: text("target_group").notNull().default(""),
    languages: text("languages").array().notNull().default([]),
    kommuneId: uuid("kommune_id").references(() => kommunen.id),
    contact: text("contact").notNull().default(""),
    isActive: boolean("is_active").notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("offers_tenant_idx").on(t.tenantId)],
);
