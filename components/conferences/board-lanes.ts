import type { ConferenceType, PhaseBoard } from "@/server/schemas/conference-kinds";

/** The card lanes a phase shows, per meeting type; other phase kinds have their own layouts. */
export function lanesFor(type: ConferenceType, board: PhaseBoard): string[] {
  if (board === "timeline") return ["verlauf"];
  if (board === "work_packages") return ["arbeitspakete"];
  if (board !== "cards") return [];
  if (type === "fallkonferenz") return ["ideen"];
  if (type === "planungskonferenz") return ["themen"];
  return ["barrieren", "schnittstellen", "wendepunkte"];
}

/** Lanes whose cards are problems, so they can be clustered into (generative) themes. */
export const themeLanes = ["themen", "ideen", "barrieren", "schnittstellen", "wendepunkte", "verlauf", "perspektiven"];
