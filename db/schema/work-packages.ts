import { date, index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { workPackageStatuses } from "../../server/schemas/conference-kinds";
import { createdAt, id, updatedAt } from "./columns";
import { organisations, tenants } from "./tenancy";
import { users } from "./users";
import { cases, lifeArea } from "./cases";
import { conferences } from "./conferences";

export const workPackageStatus = pgEnum("work_package_status", workPackageStatuses);

/** A task agreed on the board of a Fallkonferenz, tracked until it is done. */
export const workPackages = pgTable(
  "work_packages",
  {
    id: id(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id),
    conferenceId: uuid("conference_id")
      .notNull()
      .references(() => conferences.id),
    caseId: uuid("case_id").references(() => cases.id),
    sourceCardId: uuid("source_card_id"),
    /** The life area of the source card, kept here because the card may be deleted from the board later. */
    lifeArea: lifeArea("life_area"),
    task: text("task").notNull(),
    responsibleOrganisationId: uuid("responsible_organisation_id").references(() => organisations.id),
    responsibleUserId: uuid("responsible_user_id").references(() => users.id),
    responsiblePerson: text("responsible_person").notNull().default(""),
    dueDate: date("due_date", { mode: "string" }).notNull(),
    status: workPackageStatus("status").notNull().default("open"),
    /** SHA-256 of the tracking link's secret for the responsible actor; null when no link was made. */
    trackingTokenHash: text("tracking_token_hash"),
    trackingTokenExpiresAt: timestamp("tracking_token_expires_at", { withTimezone: true }),
    createdByUserId: uuid("created_by_user_id")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("work_packages_conference_idx").on(t.conferenceId),
    index("work_packages_case_idx").on(t.caseId),
    uniqueIndex("work_packages_tracking_token_idx").on(t.trackingTokenHash),
  ],
);

/** Status reports on a work package, by a user or through the tracking link (name given). */
export const workPackageUpdates = pgTable(
  "work_package_updates",
  {
    id: id(),
    workPackageId: uuid("work_package_id")
      .notNull()
      .references(() => workPackages.id, { onDelete: "cascade" }),
    status: workPackageStatus("status").notNull(),
    note: text("note").notNull().default(""),
    authorUserId: uuid("author_user_id").references(() => users.id),
    authorName: text("author_name").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [index("work_package_updates_package_idx").on(t.workPackageId, t.createdAt)],
);
