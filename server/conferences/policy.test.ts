import { describe, expect, it } from "vitest";
import type { ParticipantRole } from "../schemas/conference-kinds";
import { actorId, actorNamed, kommuneA, kommuneB, otherTenantId, otherUserId, tenantId, type ActorName } from "../test/policy-actors";
import { workPackageAbilities } from "../work-packages/policy";
import { cardAbilities, conferenceAbilities, mayConfirmGuestsForCase, mayReadCard, type ConferenceAbilities } from "./policy";
import type { LifeArea, LifeAreaScope } from "../schemas/case-kinds";

const inKommuneA = { tenantId, kommuneId: kommuneA, type: "fallkonferenz" } as const;
// The conference and the actor's place on its list: moderator, participant, not on the list; the
// same meeting in Kommune B, for the whole district (no Kommune), and in another tenant.
const relations = {
  moderator: { conference: inKommuneA, participation: { role: "moderator" as ParticipantRole } },
  participant: { conference: inKommuneA, participation: { role: "participant" as ParticipantRole } },
  guestPlace: { conference: inKommuneA, participation: { role: "guest" as ParticipantRole } },
  notListed: { conference: inKommuneA, participation: null },
  moderatorInB: { conference: { ...inKommuneA, kommuneId: kommuneB }, participation: { role: "moderator" as ParticipantRole } },
  moderatorDistrict: { conference: { ...inKommuneA, kommuneId: null }, participation: { role: "moderator" as ParticipantRole } },
  moderatorOtherTenant: { conference: { ...inKommuneA, tenantId: otherTenantId }, participation: { role: "moderator" as ParticipantRole } },
  moderatorPlanungskonferenz: {
    conference: { ...inKommuneA, type: "planungskonferenz" },
    participation: { role: "moderator" as ParticipantRole },
  },
} as const;
type Relation = keyof typeof relations;

const none: ConferenceAbilities = {
  takePart: false,
  moderate: false,
  plan: false,
  attachCases: false,
  removeAnyCase: false,
  inviteGuests: false,
  seeConsentConflicts: false,
  matchThemes: false,
  createWorkPackages: false,
};
const moderatingPlanner = { ...none, takePart: true, moderate: true, plan: true, removeAnyCase: true, inviteGuests: true };

// Written out by hand: a wrong entry in the permission table or in the policy fails a row.
const table: [ActorName, Relation, ConferenceAbilities][] = [
  ["coordinator", "moderator", { ...moderatingPlanner, seeConsentConflicts: true, matchThemes: true, createWorkPackages: true }],
  ["coordinator", "moderatorPlanungskonferenz", { ...moderatingPlanner, seeConsentConflicts: true, matchThemes: true }],
  ["coordinator", "participant", { ...none, takePart: true, plan: true }],
  ["coordinator", "notListed", { ...none, plan: true }],
  ["coordinator", "moderatorDistrict", { ...moderatingPlanner, seeConsentConflicts: true, matchThemes: true, createWorkPackages: true }],
  ["coordinator", "moderatorOtherTenant", none],
  ["coordinator@A", "moderator", { ...moderatingPlanner, seeConsentConflicts: true, createWorkPackages: true }],
  ["coordinator@A", "moderatorInB", none],
  ["coordinator@A", "moderatorDistrict", none],
  [
    "case_manager",
    "moderator",
    { ...moderatingPlanner, attachCases: true, seeConsentConflicts: true, matchThemes: true, createWorkPackages: true },
  ],
  ["case_manager", "participant", { ...none, takePart: true, plan: true, attachCases: true }],
  ["case_manager", "notListed", { ...none, plan: true }],
  ["case_manager", "moderatorOtherTenant", none],
  ["case_manager@A", "participant", { ...none, takePart: true, plan: true, attachCases: true }],
  ["case_manager@A", "moderatorInB", none],
  ["cm_spokesperson", "moderator", { ...none, takePart: true, moderate: true, matchThemes: true, createWorkPackages: true }],
  ["cm_spokesperson", "participant", { ...none, takePart: true }],
  ["network_actor", "moderator", { ...none, takePart: true, moderate: true, createWorkPackages: true }],
  ["network_actor", "participant", { ...none, takePart: true }],
  ["network_actor", "notListed", none],
  ["body_member", "participant", none],
  ["body_member@bodyA", "participant", none],
  ["admin", "moderator", none],
  ["admin@A", "participant", none],
  ["guest", "guestPlace", { ...none, takePart: true }],
  ["guest", "notListed", none],
  ["guest", "moderatorOtherTenant", none],
];

const rows = table.flatMap(([actor, relation, abilities]) =>
  (Object.keys(abilities) as (keyof ConferenceAbilities)[]).map((action) => [actor, relation, action, abilities[action]] as const),
);

describe("conferenceAbilities", () => {
  it.each(rows)("%s in a conference (%s): %s → %s", (name, relation, action, expected) => {
    expect(conferenceAbilities(actorNamed(name), relations[relation])[action]).toBe(expected);
  });

  it("lets a planner who presents a case see its consent conflicts without moderating", () => {
    const relation = { ...relations.participant, presentsCase: true };
    expect(conferenceAbilities(actorNamed("case_manager"), relation).seeConsentConflicts).toBe(true);
    expect(conferenceAbilities(actorNamed("network_actor"), relation).seeConsentConflicts).toBe(false);
  });
});

const released = new Set(["case-released"]);
const cards = {
  own: { authorUserId: actorId, caseId: null },
  other: { authorUserId: otherUserId, caseId: null },
  hiddenFromViewer: { authorUserId: "", caseId: null },
  otherReleasedCase: { authorUserId: otherUserId, caseId: "case-released" },
  ownUnreleasedCase: { authorUserId: actorId, caseId: "case-not-released" },
} as const;

const cardTable: [string, boolean, keyof typeof cards, { edit: boolean; move: boolean; delete: boolean; tag: boolean }][] = [
  ["participant", false, "own", { edit: true, move: true, delete: true, tag: true }],
  ["participant", false, "other", { edit: false, move: true, delete: false, tag: false }],
  ["participant", false, "hiddenFromViewer", { edit: false, move: true, delete: false, tag: false }],
  ["participant", false, "otherReleasedCase", { edit: false, move: true, delete: false, tag: false }],
  ["participant", false, "ownUnreleasedCase", { edit: false, move: false, delete: false, tag: false }],
  ["moderator", true, "own", { edit: true, move: true, delete: true, tag: true }],
  ["moderator", true, "other", { edit: true, move: true, delete: true, tag: true }],
  ["moderator", true, "hiddenFromViewer", { edit: true, move: true, delete: true, tag: true }],
  ["moderator", true, "otherReleasedCase", { edit: true, move: true, delete: true, tag: true }],
  ["moderator", true, "ownUnreleasedCase", { edit: false, move: false, delete: false, tag: false }],
];
const cardRows = cardTable.flatMap(([who, moderates, card, abilities]) =>
  (Object.keys(abilities) as (keyof typeof abilities)[]).map((action) => [who, moderates, card, action, abilities[action]] as const),
);

describe("cardAbilities", () => {
  it.each(cardRows)("%s (moderates: %s) on a card (%s): %s → %s", (_who, moderates, card, action, expected) => {
    expect(cardAbilities({ userId: actorId, moderates, releasedCaseIds: released }, cards[card])[action]).toBe(expected);
  });
});

const wpTable: [ParticipantRole | null, boolean, boolean, { view: boolean; report: boolean; createTrackingLink: boolean }][] = [
  ["moderator", false, false, { view: true, report: true, createTrackingLink: true }],
  ["participant", false, false, { view: true, report: false, createTrackingLink: false }],
  ["guest", false, false, { view: true, report: false, createTrackingLink: false }],
  [null, true, false, { view: true, report: true, createTrackingLink: true }],
  [null, false, true, { view: true, report: true, createTrackingLink: false }],
  ["participant", false, true, { view: true, report: true, createTrackingLink: false }],
  [null, false, false, { view: false, report: false, createTrackingLink: false }],
];
const wpRows = wpTable.flatMap(([conferenceRole, isResponsibleCaseManager, isResponsibleUser, abilities]) =>
  (Object.keys(abilities) as (keyof typeof abilities)[]).map(
    (action) => [conferenceRole, isResponsibleCaseManager, isResponsibleUser, action, abilities[action]] as const,
  ),
);

describe("workPackageAbilities", () => {
  it.each(wpRows)("place %s, responsible case manager %s, responsible person %s: %s → %s", (conferenceRole, cm, user, action, expected) => {
    expect(workPackageAbilities({ conferenceRole, isResponsibleCaseManager: cm, isResponsibleUser: user })[action]).toBe(expected);
  });
});

// Who may confirm that a guest is covered by an agenda case's consent: the case's own case manager only.
const guestReleaseTable: [ActorName, Relation, "ownCase" | "otherCase", boolean][] = [
  ["case_manager", "participant", "ownCase", true],
  ["case_manager", "moderator", "ownCase", true],
  ["case_manager", "moderator", "otherCase", false],
  ["case_manager", "participant", "otherCase", false],
  ["case_manager", "notListed", "ownCase", false],
  ["case_manager", "moderatorOtherTenant", "ownCase", false],
  ["case_manager@A", "participant", "ownCase", true],
  ["case_manager@A", "moderatorInB", "ownCase", false],
  ["coordinator", "moderator", "ownCase", false],
  ["coordinator", "moderator", "otherCase", false],
  ["cm_spokesperson", "moderator", "ownCase", false],
  ["network_actor", "participant", "ownCase", false],
  ["guest", "guestPlace", "ownCase", false],
];

describe("mayConfirmGuestsForCase", () => {
  it.each(guestReleaseTable)("%s as %s, %s → %s", (name, relation, whose, expected) => {
    const responsibleUserId = whose === "ownCase" ? actorId : otherUserId;
    expect(mayConfirmGuestsForCase(actorNamed(name), { ...relations[relation], responsibleUserId })).toBe(expected);
  });
});

// Reading a case card by its life area: consent for housing only, for every area, or none.
const caseX = "00000000-0000-4000-8000-0000000000c1";
const scopes: Record<"housingOnly" | "allAreas" | "notReleased", LifeAreaScope | null> = {
  housingOnly: new Set<LifeArea>(["housing"]),
  allAreas: "all",
  notReleased: null,
};
const readTable: [keyof typeof scopes, "noCase" | LifeArea | null, boolean][] = [
  ["housingOnly", "housing", true],
  ["housingOnly", "health", false],
  ["housingOnly", null, true],
  ["housingOnly", "noCase", true],
  ["allAreas", "health", true],
  ["allAreas", null, true],
  ["notReleased", "housing", false],
  ["notReleased", null, false],
  ["notReleased", "noCase", true],
];

describe("mayReadCard", () => {
  it.each(readTable)("consent %s, card about %s → %s", (scopeName, area, expected) => {
    const scope = scopes[scopeName];
    const viewer = {
      releasedCaseIds: new Set(scope ? [caseX] : []),
      areaScopes: new Map<string, LifeAreaScope>(scope ? [[caseX, scope]] : []),
    };
    const card = area === "noCase" ? { caseId: null, lifeArea: null } : { caseId: caseX, lifeArea: area };
    expect(mayReadCard(viewer, card)).toBe(expected);
  });
});
