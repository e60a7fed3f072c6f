import type { DefaultValues } from "react-hook-form";
import type { z } from "zod";
import { todayInBerlin } from "@/server/schemas/calendar-days";
import { reviewAreas } from "@/server/schemas/case-kinds";
import type { addContactSchema, addInterimReviewSchema } from "@/server/schemas/cases";

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
