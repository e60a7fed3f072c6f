import type { DefaultValues } from "react-hook-form";
import type { z } from "zod";
import { todayInBerlin } from "@/server/schemas/calendar-days";
import {
  lifeAreas,
  reviewAreas,
  type LifeArea,
  type indicationCriteria,
  type intakeDecisions,
  type screeningVerdicts,
} from "@/server/schemas/case-kinds";
import {
  authorityKinds,
  type IdentityInput,
  type addConsentSchema,
  type addContactSchema,
  type addInterimReviewSchema,
  type closeCaseSchema,
  type saveIntakeSchema,
  type saveSummarySchema,
  type saveScreeningSchema,
  type ScreeningInput,
} from "@/server/schemas/cases";

// What the case forms hold when they open empty: the shape the procedures parse.

/** The review fields before anything was chosen: every area "not worked on". */
export function emptyReview() {
  return {
    attainmentByArea: Object.fromEntries(reviewAreas.map((area) => [area, ""])) as Record<(typeof reviewAreas)[number], "">,
    cooperation: "",
    suitability: "",
    reflection: "",
  };
}

export function newContact(caseId: string): z.input<typeof addContactSchema> {
  return { caseId, contactOn: todayInBerlin(), channel: "in_person", kind: "counselling", durationMinutes: "", topic: "", lifeAreas: [] };
}

export function newInterimReview(caseId: string): DefaultValues<z.input<typeof addInterimReviewSchema>> {
  return { caseId, reviewedOn: todayInBerlin(), topic: "", ...emptyReview() };
}

/** The saved screening as the form's values, every area's text present (empty where none). */
export function screeningFormValues(
  caseId: string,
  saved: (Omit<ScreeningInput, "verdict"> & { verdict: (typeof screeningVerdicts)[number] }) | null,
): DefaultValues<z.input<typeof saveScreeningSchema>> {
  return {
    caseId,
    screening: {
      screenedOn: saved?.screenedOn ?? todayInBerlin(),
      problemsByArea: Object.fromEntries(lifeAreas.map((area) => [area, saved?.problemsByArea[area] ?? ""])),
      otherProblems: saved?.otherProblems ?? "",
      involvedServices: saved?.involvedServices ?? "",
      urgentConcern: saved?.urgentConcern ?? "",
      verdict: saved?.verdict,
    },
  };
}

export function intakeFormValues(
  caseId: string,
  saved: { conductedOn: string; criteria: string[]; decision: (typeof intakeDecisions)[number]; reason: string } | null,
): DefaultValues<z.input<typeof saveIntakeSchema>> {
  return {
    caseId,
    conductedOn: saved?.conductedOn ?? todayInBerlin(),
    criteria: (saved?.criteria ?? []) as (typeof indicationCriteria)[number][],
    decision: saved?.decision,
    reason: saved?.reason ?? "",
  };
}

export function newConsent(caseId: string) {
  return {
    caseId,
    kind: "processing",
    organisationIds: [],
    lifeAreas: [],
    grantedOn: todayInBerlin(),
    validUntil: "",
    scopeNote: "",
  } satisfies z.input<typeof addConsentSchema> as z.input<typeof addConsentSchema> & { organisationIds: string[] };
}

/** Organisations belong to a Schweigepflichtentbindung only; boxes ticked before switching the kind do not count. */
export function consentInput<T extends { kind: string; organisationIds: string[] }>(values: T): T {
  return values.kind === "confidentiality_release" ? values : { ...values, organisationIds: [] };
}

export function newClosure(caseId: string): DefaultValues<z.input<typeof closeCaseSchema>> {
  return { caseId, closedOn: todayInBerlin(), handedOverTo: "", otherReason: "", ...emptyReview() };
}

/** Who took the case over and the other reason belong to their closing type; text typed for another type is not sent. */
export function closureInput<T extends { closingType: string; handedOverTo: string; otherReason: string }>(values: T): T {
  return {
    ...values,
    handedOverTo: values.closingType === "agreed_handed_over" ? values.handedOverTo : "",
    otherReason: values.closingType === "other" ? values.otherReason : "",
  };
}

/** The Falldarstellung as the form's values: a text for every life area, empty where it has no section. */
export function summaryFormValues(
  caseId: string,
  saved: { title: string; body: string; sections: { lifeArea: LifeArea; text: string }[] } | undefined,
): z.input<typeof saveSummarySchema> & { sections: { lifeArea: LifeArea; text: string }[] } {
  return {
    caseId,
    title: saved?.title ?? "",
    body: saved?.body ?? "",
    sections: lifeAreas.map((lifeArea) => ({
      lifeArea,
      text: saved?.sections.find((section) => section.lifeArea === lifeArea)?.text ?? "",
    })),
  };
}

const authorityField = /^identity\.authorityContacts\.(\d+)\.(authority|contactPerson|fileNumber)$/;

/** The authority rows of a draft; the draft always holds every row, so none means all were removed. */
export function authorityContactsFromDraft(fields: Record<string, string[]>): IdentityInput["authorityContacts"] {
  const rows: Partial<IdentityInput["authorityContacts"][number]>[] = [];
  for (const [name, values] of Object.entries(fields)) {
    const match = authorityField.exec(name);
    if (!match) continue;
    const row = (rows[Number(match[1])] ??= {});
    const value = values[0] ?? "";
    if (match[2] === "authority")
      row.authority = (authorityKinds as readonly string[]).includes(value) ? (value as (typeof authorityKinds)[number]) : "other";
    else row[match[2] as "contactPerson" | "fileNumber"] = value;
  }
  return rows
    .filter(Boolean)
    .map((row) => ({ authority: row.authority ?? "other", contactPerson: row.contactPerson ?? "", fileNumber: row.fileNumber ?? "" }));
}
