import type { ConferenceType } from "@/server/schemas/conference-kinds";

/** The board's lanes per meeting type, in the order of the Ablaufplan. */
export const boardLanes: Record<ConferenceType, string[]> = {
  fallkonferenz: ["perspektiven", "ideen", "arbeitspakete"],
  planungskonferenz: ["themen", "generative-themen", "parkplatz"],
  fallrekonstruktion: ["verlauf", "barrieren", "zentrale-probleme"],
};
