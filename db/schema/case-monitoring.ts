import { date, index, integer, jsonb, pgEnum, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { closingTypes, contactChannels, contactKinds, situationChanges } from "../../server/schemas/case-kinds";
import { createdAt, id } from "./columns";
import { tenants } from "./tenancy";
import { users } from "./users";
import { cases } from "./cases";

export const situationChange = pgEnum("situation_change", situationChanges);
export const closingType = pgEnum("closing_type", closingTypes);
export const contactChannel = pgEnum("contact_channel", contactChannels);
export const contactKind = pgEnum("contact_kind", contactKinds);

export const contacts = pgTable(
  "contacts",
  {
    id: id(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    contactOn: date("contact_on").notNull(),
    channel: contactChannel("channel").notNull(),
    kind: contactKind("kind").notNull().default("counselling"),
    durationMinutes: integer("duration_minutes").notNull(),
    topic: text("topic").notNull(),
    lifeAreas: text("life_areas").array().notNull().default([]),
    createdAt: createdAt(),
  },
  (t) => [index("contacts_case_idx").on(t.caseId, t.contactOn), index("contacts_user_month_idx").on(t.userId, t.contactOn)],
);

/** Zwischenstandsbogen. */
export const interimReviews = pgTable("interim_reviews", {
  id: id(),
  caseId: uuid("case_id")
    .notNull()
    .references(() => cases.id, { onDelete: "cascade" }),
  reviewedOn: date("reviewed_on").notNull(),
  topic: text("topic").notNull().default(""),
  situationChange: situationChange("situation_change").notNull(),
  attainmentByArea: jsonb("attainment_by_area").$type<Partial<Record<string, string>>>().notNull().default({}),
  cooperation: text("cooperation").notNull().default(""),
  suitability: text("suitability").notNull().default(""),
  reflection: text("reflection").notNull().default(""),
  createdAt: createdAt(),
});

/** Abschlussbogen. */
export const closures = pgTable("closures", {
  caseId: uuid("case_id")
    .primaryKey()
    .references(() => cases.id, { onDelete: "cascade" }),
  closedOn: date("closed_on").notNull(),
  closingType: closingType("closing_type").notNull(),
  handedOverTo: text("handed_over_to").notNull().default(""),
  otherReason: text("other_reason").notNull().default(""),
  situationChange: situationChange("situation_change").notNull(),
  attainmentByArea: jsonb("attainment_by_area").$type<Partial<Record<string, string>>>().notNull().default({}),
  cooperation: text("cooperation").notNull().default(""),
  suitability: text("suitability").notNull().default(""),
  reflection: text("reflection").notNull().default(""),
  createdAt: createdAt(),
});
