"use client";

import type { inferRouterOutputs } from "@trpc/server";
import { useFormatter, useTranslations } from "next-intl";
import { type WorkPackageStatus } from "@/server/schemas/conference-kinds";
import type { AppRouter } from "@/server/app-router";

export type Outputs = inferRouterOutputs<AppRouter>["workPackages"];
export type WorkPackage = Outputs["listForConference"]["workPackages"][number];
export type CreateOptions = NonNullable<Outputs["listForConference"]["options"]>;

export const statusClass: Record<WorkPackageStatus, string> = {
  open: "status-intake",
  in_progress: "status-active",
  done: "status-closed",
  dropped: "status-closed",
};

/** A calendar day shown in German without shifting across time zones. */
export function useDay() {
  const format = useFormatter();
  return (day: string) => format.dateTime(new Date(`${day}T12:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });
}

export function StatusBadge({ status, isOverdue }: { status: WorkPackageStatus; isOverdue: boolean }) {
  const t = useTranslations("workPackages");
  return (
    <>
      <span className={`status-badge ${statusClass[status]}`}>{t(`statuses.${status}`)}</span>
      {isOverdue && <span className="status-badge status-not_admitted"> {t("table.overdue")}</span>}
    </>
  );
}

export function TaskCell({ item }: { item: WorkPackage }) {
  const t = useTranslations("workPackages");
  return item.restricted ? <em>{t("table.restricted", { pseudonym: item.casePseudonym ?? "" })}</em> : <>{item.task}</>;
}

export function responsibleOf(item: WorkPackage) {
  return [item.responsibleOrganisationName, item.responsibleUserName, item.responsiblePerson].filter(Boolean).join(", ");
}
