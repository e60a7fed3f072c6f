/** How pressing a theme is, as the coordination judges it. */
export const themeUrgencies = ["low", "medium", "high"] as const;
export type ThemeUrgency = (typeof themeUrgencies)[number];

/** Why a theme source changed theme: provenance moves are kept, so merges can be undone. */
export const sourceMoveReasons = ["merge", "split", "unmerge"] as const;

export const bodySessionStatuses = ["planned", "invited", "held", "closed"] as const;
export type BodySessionStatus = (typeof bodySessionStatuses)[number];

export const agendaItemKinds = ["theme", "vorlage", "report", "assignment_report", "free"] as const;
export type AgendaItemKind = (typeof agendaItemKinds)[number];

export const proposalStatuses = ["draft", "submitted", "in_vorlage"] as const;
export const vorlageStatuses = ["draft", "submitted", "decided"] as const;

export const decisionOutcomes = ["adopted", "adopted_with_changes", "rejected", "postponed"] as const;
export type DecisionOutcome = (typeof decisionOutcomes)[number];

export const followUpStatuses = ["open", "in_progress", "done", "dropped"] as const;
export type FollowUpStatus = (typeof followUpStatuses)[number];
