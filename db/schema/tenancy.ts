import { integer, jsonb, pgEnum, pgTable, text, uuid, uniqueIndex, index } from "drizzle-orm/pg-core";
import type { ConferenceType } from "../../server/schemas/conference-kinds";
import { kommuneKinds, organisationKinds } from "../../server/schemas/tenancy-kinds";
import { createdAt, id, updatedAt } from "./columns";

/** One KIM programme: a Kreis or a kreisfreie Stadt. */
export const tenants = pgTable("tenants", {
  id: id(),
  name: text("name").notNull(),
  slug: text("slug").notNull().unique(),
  /** Cases per full-time case manager (Fallschlüssel); a case manager may have their own. */
  caseloadKey: integer("caseload_key").notNull().default(50),
  /** Days after closure until a case's identity record is erased. */
  identityRetentionDays: integer("identity_retention_days").notNull().default(1095),
  /** Day of the following month by which the monthly report is due. */
  monthlyReportDeadlineDay: integer("monthly_report_deadline_day").notNull().default(10),
  /** Fallrekonstruktionen the programme aims to hold per year. */
  reconstructionTarget: integer("reconstruction_target").notNull().default(12),
  /** Smallest number of cases an aggregate shown to steering bodies may rest on (k-anonymity). */
  minimumGroupSize: integer("minimum_group_size").notNull().default(5),
  /**
   * Most people at once in a meeting's live room, per conference type; a type missing here (one added
   * later) has the default limit.
   */
  boardParticipantLimits: jsonb("board_participant_limits").$type<Partial<Record<ConferenceType, number>>>().notNull().default({}),
  createdAt: createdAt(),
});

export const kommuneKind = pgEnum("kommune_kind", kommuneKinds);

/** A municipality of a Kreis, or a district of a city. */
export const kommunen = pgTable(
  "kommunen",
  {
    id: id(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    name: text("name").notNull(),
    kind: kommuneKind("kind").notNull().default("kommune"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("kommunen_tenant_name_idx").on(t.tenantId, t.name)],
);

export const organisationKind = pgEnum("organisation_kind", organisationKinds);

/** Employer of staff (Träger) or a network actor (Dienst). */
export const organisations = pgTable(
  "organisations",
  {
    id: id(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    name: text("name").notNull(),
    kind: organisationKind("kind").notNull(),
    kommuneId: uuid("kommune_id").references(() => kommunen.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("organisations_tenant_name_idx").on(t.tenantId, t.name), index("organisations_kommune_idx").on(t.kommuneId)],
);
