import type { ConferenceType, PhaseBoard } from "@/server/schemas/conference-kinds";

// One array per answer, so the lanes of a phase are the same object on every render.
const cardLanes: Record<ConferenceType, readonly string[]> = {
  fallkonferenz: ["ideen"],
  planungskonferenz: ["themen"],
  fallrekonstruktion: ["barrieren", "schnittstellen", "wendepunkte"],
};
const timelineLanes = ["verlauf"] as const;
const workPackageLanes = ["arbeitspakete"] as const;
const noLanes: readonly string[] = [];

/** The card lanes a phase shows, per meeting type; other phase kinds have their own layouts. */
export function lanesFor(type: ConferenceType, board: PhaseBoard): readonly string[] {
  if (board === "timeline") return timelineLanes;
  if (board === "work_packages") return workPackageLanes;
  if (board !== "cards") return noLanes;
  return cardLanes[type];
}

/** Lanes whose cards are problems, so they can be clustered into (generative) themes. */
export const themeLanes = ["themen", "ideen", "barrieren", "schnittstellen", "wendepunkte", "verlauf", "perspektiven"];
