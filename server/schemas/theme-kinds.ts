/** The steering path of a generative theme, from its first sighting to its implementation. */
export const themeStatuses = [
  "identified",
  "reviewed",
  "on_agenda",
  "assigned",
  "proposal_in_work",
  "vorlage",
  "decided",
  "in_implementation",
  "implemented",
  "closed",
  "rejected",
  "parked",
] as const;
export type ThemeStatus = (typeof themeStatuses)[number];

/** Where a theme was seen: conference cards, Fallrekonstruktionen, gap reports, CM reports. */
export const themeSourceKinds = ["conference", "reconstruction", "gap_report", "cm_report"] as const;
export type ThemeSourceKind = (typeof themeSourceKinds)[number];
